import Foundation

/// Full-text search on the team store: the generated `message.search` tsvector (`simple`
/// configuration) with its GIN index, queried with every word as a prefix (`'word':*`),
/// all required — the semantics of the SQLite FTS5 search. Where they differ: FTS5 folds
/// diacritics (`cafe` finds `café`), `simple` does not; and PostgreSQL's parser keeps some
/// compounds (`order-12`, e-mail addresses) as extra lexemes.
enum PostgresSearch {
    static func search(_ db: any SQLSession, text: String, limit: Int) throws -> [SearchHit] {
        guard let query = tsQuery(text) else { return [] }
        let rows = try db.rows(sql: """
            SELECT m.id, m.conversation_id, m.direction, substr(m.text, 1, 500) AS text, m.timestamp, c.channel,
                   coalesce(nullif(k.name, ''), nullif(k.username, ''),
                            (SELECT value FROM identifier i WHERE i.contact_id = k.id AND i.current = 1
                              AND i.kind != 'username' ORDER BY i.id LIMIT 1), '?') AS who
            FROM message m
            JOIN conversation c ON c.id = m.conversation_id
            JOIN contact k ON k.id = c.contact_id
            WHERE m.search @@ to_tsquery('simple', ?)
            ORDER BY m.id DESC
            LIMIT ?
            """, arguments: [query, max(1, limit)])
        return rows.map { row in
            let direction: String = row["direction"]
            return SearchHit(
                messageID: row["id"], conversationID: row["conversation_id"], contactName: row["who"], channel: row["channel"],
                direction: Direction(rawValue: direction) ?? .inbound, text: row["text"],
                timestamp: Date(timeIntervalSince1970: row["timestamp"]))
        }
    }

    /// `Refund "order 12"` → `'refund':* & 'order':* & '12':*`; nil when there is nothing to find.
    /// Words split where FTS5's unicode61 tokenizer splits (anything not a letter or digit), and
    /// each is quoted, so tsquery operators typed by the operator are searched for, not run.
    static func tsQuery(_ text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        guard !words.isEmpty else { return nil }
        return words.map { "'" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "':*" }
            .joined(separator: " & ")
    }
}
