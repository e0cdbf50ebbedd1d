import Foundation
import GRDB

/// Reads the conversation list a window at a time, keyset-paged on
/// `(last_message_at DESC, id DESC)` so any position costs the same as the top.
enum ConversationPage {
    /// Up to `limit` conversations from `anchor`, newest first.
    static func fetch(_ db: any SQLSession, from anchor: ConversationAnchor, limit: Int, unreadOnly: Bool) throws -> [Conversation] {
        guard limit > 0 else { return [] }
        let filter: SQLFragment = unreadOnly ? "c.unread > 0" : "TRUE"
        switch anchor {
        case .top:
            let found = try timed(db, filter, "TRUE", descending: true, limit)
            return try found + untimed(db, filter, limit - found.count)
        case .bottom:
            let nulls = try rows(db, "\(filter) AND c.last_message_at IS NULL", order: "c.id ASC", limit)
            let timedRows = try timed(db, filter, "TRUE", descending: false, limit - nulls.count)
            return (nulls + timedRows).reversed()
        case .from(let key), .after(let key):
            let inclusive: Bool = if case .from = anchor { true } else { false }
            guard let t = key.lastMessageAt else {
                let idBound: SQLFragment = inclusive ? "c.id <= \(key.id)" : "c.id < \(key.id)"
                return try rows(db, "\(filter) AND c.last_message_at IS NULL AND \(idBound)", order: "c.id DESC", limit)
            }
            let keyset: SQLFragment = inclusive ? "(c.last_message_at, c.id) <= (\(t), \(key.id))" : "(c.last_message_at, c.id) < (\(t), \(key.id))"
            let found = try timed(db, filter, keyset, descending: true, limit)
            return try found + untimed(db, filter, limit - found.count)
        case .before(let key):
            var found: [Conversation] = []
            if let t = key.lastMessageAt {
                found = try timed(db, filter, "(c.last_message_at, c.id) > (\(t), \(key.id))", descending: false, limit)
            } else {
                found = try rows(db, "\(filter) AND c.last_message_at IS NULL AND c.id > \(key.id)", order: "c.id ASC", limit)
                if found.count < limit {
                    found += try timed(db, filter, "TRUE", descending: false, limit - found.count)
                }
            }
            return found.reversed()
        }
    }

    /// Totals for the status bar: a few index scans, run on open and on store changes.
    static func counts(_ db: any SQLSession) throws -> InboxCounts {
        let row = try db.row(sql: """
            SELECT (SELECT count(*) FROM conversation),
                   (SELECT count(*) FROM conversation WHERE unread > 0),
                   (SELECT max(id) FROM message),
                   (SELECT received_at FROM raw_event ORDER BY id DESC LIMIT 1)
            """)
        let last: Double? = row?[3]
        return InboxCounts(
            conversations: row?[0] ?? 0, unreadConversations: row?[1] ?? 0,
            messages: row?[2] ?? 0, lastEventAt: last.map(Date.init(timeIntervalSince1970:)))
    }

    /// One conversation by id (after a search jump or a send).
    static func one(_ db: any SQLSession, id: Int64) throws -> Conversation? {
        try rows(db, "c.id = \(id)", order: "c.id", 1).first
    }

    // MARK: - SQL

    private static func timed(_ db: any SQLSession, _ filter: SQLFragment, _ keyset: SQLFragment, descending: Bool, _ limit: Int) throws -> [Conversation] {
        guard limit > 0 else { return [] }
        let order: SQLFragment = descending ? "c.last_message_at DESC, c.id DESC" : "c.last_message_at ASC, c.id ASC"
        return try rows(db, "\(filter) AND c.last_message_at IS NOT NULL AND \(keyset)", order: order, limit)
    }

    /// Conversations without any message time come after all others; read them only when
    /// the timed ones ran out before the page was full.
    private static func untimed(_ db: any SQLSession, _ filter: SQLFragment, _ limit: Int) throws -> [Conversation] {
        guard limit > 0 else { return [] }
        return try rows(db, "\(filter) AND c.last_message_at IS NULL", order: "c.id DESC", limit)
    }

    static func rows(_ db: any SQLSession, _ condition: SQLFragment, order: SQLFragment, _ limit: Int?) throws -> [Conversation] {
        let bound: SQLFragment = limit.map { "LIMIT \($0)" } ?? ""
        let request: SQLFragment = """
            SELECT \(sql: Conversation.selection)
            FROM conversation c JOIN contact k ON k.id = c.contact_id
            WHERE \(condition)
            ORDER BY \(order)
            \(bound)
            """
        return try db.rows(request).map(Conversation.init(row:))
    }
}
