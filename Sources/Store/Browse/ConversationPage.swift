public import GRDB

/// Reads the conversation list a window at a time, keyset-paged on
/// `(last_message_at DESC, id DESC)` so any position costs the same as the top.
public enum ConversationPage {
    /// Up to `limit` conversations from `anchor`, newest first.
    public static func fetch(_ db: Database, from anchor: ConversationAnchor, limit: Int, unreadOnly: Bool) throws -> [ConversationSummary] {
        guard limit > 0 else { return [] }
        let filter = unreadOnly ? "c.unread > 0" : "1"
        switch anchor {
        case .top:
            let found = try timed(db, filter, "1", descending: true, [], limit)
            return try found + untimed(db, filter, limit - found.count)
        case .bottom:
            let nulls = try rows(db, filter + " AND c.last_message_at IS NULL", order: "c.id ASC", [], limit)
            let timedRows = try timed(db, filter, "1", descending: false, [], limit - nulls.count)
            return (nulls + timedRows).reversed()
        case .from(let key), .after(let key):
            let inclusive: Bool = if case .from = anchor { true } else { false }
            let op = inclusive ? "<=" : "<"
            guard let t = key.lastMessageAt else {
                return try rows(db, filter + " AND c.last_message_at IS NULL AND c.id \(op) ?", order: "c.id DESC", [key.id], limit)
            }
            let found = try timed(db, filter, "(c.last_message_at, c.id) \(op) (?, ?)", descending: true, [t, key.id], limit)
            return try found + untimed(db, filter, limit - found.count)
        case .before(let key):
            var found: [ConversationSummary] = []
            if let t = key.lastMessageAt {
                found = try timed(db, filter, "(c.last_message_at, c.id) > (?, ?)", descending: false, [t, key.id], limit)
            } else {
                found = try rows(db, filter + " AND c.last_message_at IS NULL AND c.id > ?", order: "c.id ASC", [key.id], limit)
                if found.count < limit {
                    found += try timed(db, filter, "1", descending: false, [], limit - found.count)
                }
            }
            return found.reversed()
        }
    }

    /// Totals for the status bar: a few index scans, run on open and on store changes.
    public static func counts(_ db: Database) throws -> InboxCounts {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT count(*) FROM conversation),
                   (SELECT count(*) FROM conversation WHERE unread > 0),
                   (SELECT max(id) FROM message),
                   (SELECT received_at FROM raw_event ORDER BY id DESC LIMIT 1)
            """)
        return InboxCounts(
            conversations: row?[0] ?? 0, unreadConversations: row?[1] ?? 0,
            messages: row?[2] ?? 0, lastEventAt: row?[3])
    }

    /// One conversation by id (after a search jump or a send).
    public static func one(_ db: Database, id: Int64) throws -> ConversationSummary? {
        try rows(db, "c.id = ?", order: "c.id", [id], 1).first
    }

    // MARK: - SQL

    private static func timed(_ db: Database, _ filter: String, _ keyset: String, descending: Bool, _ args: [any DatabaseValueConvertible], _ limit: Int) throws -> [ConversationSummary] {
        guard limit > 0 else { return [] }
        let order = descending ? "c.last_message_at DESC, c.id DESC" : "c.last_message_at ASC, c.id ASC"
        return try rows(db, "\(filter) AND c.last_message_at IS NOT NULL AND \(keyset)", order: order, args, limit)
    }

    /// Conversations without any message time come after all others; read them only when
    /// the timed ones ran out before the page was full.
    private static func untimed(_ db: Database, _ filter: String, _ limit: Int) throws -> [ConversationSummary] {
        guard limit > 0 else { return [] }
        return try rows(db, "\(filter) AND c.last_message_at IS NULL", order: "c.id DESC", [], limit)
    }

    static func rows(_ db: Database, _ condition: String, order: String, _ args: [any DatabaseValueConvertible], _ limit: Int) throws -> [ConversationSummary] {
        let sql = """
            SELECT c.id, c.channel, c.contact_id, c.unread, c.message_count, c.last_message_at,
                   c.last_message_preview, k.name, k.username,
                   (SELECT i.kind || char(9) || i.value FROM identifier i
                     WHERE i.contact_id = c.contact_id AND i.current = 1 AND i.kind != 'username'
                     ORDER BY CASE i.kind WHEN 'phone' THEN 0 WHEN 'bsuid' THEN 1 ELSE 2 END, i.id
                     LIMIT 1) AS best
            FROM conversation c JOIN contact k ON k.id = c.contact_id
            WHERE \(condition)
            ORDER BY \(order)
            LIMIT \(limit)
            """
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { row in
            var summary = ConversationSummary(
                id: row[0], channel: row[1], contactID: row[2], name: row[7], username: row[8],
                unread: row[3], messageCount: row[4], lastMessageAt: row[5], preview: row[6])
            if let best: String = row[9], let tab = best.firstIndex(of: "\t") {
                summary.identifierKind = String(best[..<tab])
                summary.identifierValue = String(best[best.index(after: tab)...])
            }
            return summary
        }
    }
}
