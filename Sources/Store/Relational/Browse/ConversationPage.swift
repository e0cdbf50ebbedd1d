import Foundation
import GRDB

/// Reads the conversation list a window at a time, keyset-paged on
/// `(last_message_at DESC, id DESC)` so any position costs the same as the top.
enum ConversationPage {
    /// Up to `limit` conversations from `anchor`, newest first.
    static func fetch(_ db: any SQLSession, from anchor: ConversationAnchor, limit: Int, filter wanted: ConversationFilter) throws -> [Conversation] {
        guard limit > 0 else { return [] }
        let filter = condition(wanted, dialect: db.dialect)
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

    /// The SQL form of `ConversationFilter.matches`.
    static func condition(_ f: ConversationFilter, dialect: SQLDialect) -> SQLFragment {
        let now = f.now.timeIntervalSince1970
        // Open is most of the list: read it in activity order. SQLite would otherwise answer
        // the OR from the status index and sort every open conversation; a unary `+` keeps
        // the term off any index (PostgreSQL's planner decides by statistics).
        let status: SQLFragment = dialect == .sqlite ? "+c.status" : "c.status"
        let open: SQLFragment = "(\(status) = 'open' OR (\(status) = 'snoozed' AND c.snoozed_until <= \(now)))"
        let view: SQLFragment = switch f.view {
        case .open: open
        case .mine: f.me.map { "\(open) AND c.assignee = \($0)" } ?? "FALSE"
        case .unassigned: "\(open) AND c.assignee IS NULL"
        case .snoozed: "c.status = 'snoozed' AND (c.snoozed_until IS NULL OR c.snoozed_until > \(now))"
        case .resolved: "c.status = 'resolved'"
        case .all: "TRUE"
        }
        return f.unreadOnly ? "(\(view)) AND c.unread > 0" : "(\(view))"
    }

    /// Totals for the status bar and the view names: one pass over the conversations, run
    /// on open and on store changes.
    static func counts(_ db: any SQLSession, me: String?, at time: Date) throws -> InboxCounts {
        let now = time.timeIntervalSince1970
        let open: SQLFragment = "(status = 'open' OR (status = 'snoozed' AND snoozed_until <= \(now)))"
        let request: SQLFragment = """
            SELECT count(*),
                   coalesce(sum(CASE WHEN unread > 0 THEN 1 ELSE 0 END), 0),
                   (SELECT max(id) FROM message),
                   (SELECT received_at FROM raw_event ORDER BY id DESC LIMIT 1),
                   coalesce(sum(CASE WHEN \(open) THEN 1 ELSE 0 END), 0),
                   coalesce(sum(CASE WHEN \(open) AND assignee = \(me ?? "") THEN 1 ELSE 0 END), 0),
                   coalesce(sum(CASE WHEN \(open) AND assignee IS NULL THEN 1 ELSE 0 END), 0),
                   coalesce(sum(CASE WHEN status = 'snoozed' AND (snoozed_until IS NULL OR snoozed_until > \(now)) THEN 1 ELSE 0 END), 0),
                   coalesce(sum(CASE WHEN status = 'resolved' THEN 1 ELSE 0 END), 0),
                   CAST(coalesce(sum(unread), 0) AS BIGINT),
                   min(CASE WHEN status = 'snoozed' AND snoozed_until > \(now) THEN snoozed_until END)
            FROM conversation
            """
        let row = try db.rows(request).first
        let last: Double? = row?[3]
        let total: Int = row?[0] ?? 0
        let views: [ConversationView: Int] = [
            .open: row?[4] ?? 0, .mine: me == nil ? 0 : row?[5] ?? 0, .unassigned: row?[6] ?? 0,
            .snoozed: row?[7] ?? 0, .resolved: row?[8] ?? 0, .all: total,
        ]
        var counts = InboxCounts(
            conversations: total, unreadConversations: row?[1] ?? 0,
            messages: row?[2] ?? 0, lastEventAt: last.map(Date.init(timeIntervalSince1970:)), views: views)
        counts.unreadMessages = row?[9] ?? 0
        counts.nextSnoozeEnd = (row?[10] as Double?).map(Date.init(timeIntervalSince1970:))
        return counts
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
