import Foundation
import GRDB

/// Full-text search over every message (FTS5). The index is caught up lazily from
/// `message` instead of by insert triggers, which would slow replay down.
enum MessageSearch {
    /// Indexes up to `batch` messages not yet indexed; returns how many. Call until 0.
    @discardableResult
    static func catchUp(_ db: Database, batch: Int = 50_000) throws -> Int {
        let last = try Int64.fetchOne(db, sql: "SELECT last_message_id FROM search_index_state WHERE id = 1") ?? 0
        let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM message") ?? 0
        if newest < last {
            // The messages were re-projected (`rebuild`): start the index again.
            for statement in resetStatements { try db.execute(sql: statement) }
            return try catchUp(db, batch: batch)
        }
        guard newest > last else { return 0 }
        let upTo = try Int64.fetchOne(db, sql: """
            SELECT max(id) FROM (SELECT id FROM message WHERE id > ? ORDER BY id LIMIT ?)
            """, arguments: [last, batch]) ?? last
        try db.execute(sql: """
            INSERT INTO message_fts(rowid, text) SELECT id, text FROM message WHERE id > ? AND id <= ?
            """, arguments: [last, upTo])
        try SearchTerms.add(db, messagesAfter: last, upTo: upTo)
        try db.execute(sql: "UPDATE search_index_state SET last_message_id = ? WHERE id = 1", arguments: [upTo])
        return Int(upTo - last)
    }

    /// Empties the index, its words and its progress (the messages were re-projected).
    static let resetStatements = [
        "INSERT INTO message_fts(message_fts) VALUES('delete-all')",
        "DELETE FROM search_term",
        "UPDATE search_index_state SET last_message_id = 0 WHERE id = 1",
    ]

    /// Whether messages are waiting to be indexed.
    static func isBehind(_ db: Database) throws -> Bool {
        let last = try Int64.fetchOne(db, sql: "SELECT last_message_id FROM search_index_state WHERE id = 1") ?? 0
        let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM message") ?? 0
        return newest != last
    }

    /// Newest matches first. Every word of `text` must occur (as a word prefix); the text
    /// is quoted, so FTS5 syntax typed by the operator is searched for, not interpreted.
    static func search(_ db: Database, text: String, limit: Int = 200) throws -> [SearchHit] {
        guard let query = try ftsQuery(text, expansion: { word in try SearchTerms.expansion(of: word, db: db) }) else { return [] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.id, m.conversation_id, m.direction, substr(m.text, 1, 500), m.timestamp, c.channel,
                   coalesce(nullif(k.name, ''), nullif(k.username, ''),
                            (SELECT value FROM identifier i WHERE i.contact_id = k.id AND i.current = 1
                              AND i.kind != 'username' ORDER BY i.id LIMIT 1), '?')
            FROM message_fts f
            JOIN message m ON m.id = f.rowid
            JOIN conversation c ON c.id = m.conversation_id
            JOIN contact k ON k.id = c.contact_id
            WHERE message_fts MATCH ?
            ORDER BY f.rowid DESC
            LIMIT \(max(1, limit))
            """, arguments: [query])
        return rows.map { row in
            let direction: String = row[2]
            return SearchHit(
                messageID: row[0], conversationID: row[1], contactName: row[6], channel: row[5],
                direction: Direction(rawValue: direction) ?? .inbound, text: row[3],
                timestamp: Date(timeIntervalSince1970: row[4]))
        }
    }

    /// `refund "order 12"` → `"refund"* AND "order"* AND "12"*`; nil when nothing can match.
    ///
    /// A word `expansion` knows is replaced by the indexed words it begins, OR'd as exact
    /// terms (`order` → `("order" OR "orders")`), which FTS5 reads newest first and stops at
    /// the limit; a word that begins no indexed word matches nothing. Other words stay
    /// prefix queries.
    static func ftsQuery(_ text: String, expansion: (Substring) throws -> [String]? = { _ in nil }) rethrows -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "\"" })
        guard !words.isEmpty else { return nil }
        var parts: [String] = []
        for word in words {
            guard let terms = try expansion(word) else {
                parts.append(quoted(word) + "*")
                continue
            }
            guard !terms.isEmpty else { return nil }
            parts.append(terms.count == 1 ? quoted(terms[0]) : "(" + terms.map(quoted).joined(separator: " OR ") + ")")
        }
        // FTS5 joins phrases by an implicit AND, but not a parenthesized group: say it.
        return parts.joined(separator: " AND ")
    }

    private static func quoted<S: StringProtocol>(_ text: S) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
