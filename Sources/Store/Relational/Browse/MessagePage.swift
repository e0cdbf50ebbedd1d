
/// Reads a conversation's history a page at a time, keyset-paged on `(timestamp, id)`
/// (several messages can share a timestamp), along the `message_conversation` index.
enum MessagePage {
    /// Up to `limit` messages older than `before` (or the newest when nil), oldest first.
    static func older(_ db: any SQLSession, conversationID: Int64, before: MessageKey?, inclusive: Bool = false, limit: Int) throws -> [Message] {
        guard limit > 0 else { return [] }
        let keyset: SQLFragment = switch (before, inclusive) {
        case (nil, _): "TRUE"
        case (let key?, true): "(m.timestamp, m.id) <= (\(key.timestamp), \(key.id))"
        case (let key?, false): "(m.timestamp, m.id) < (\(key.timestamp), \(key.id))"
        }
        return try fetch(db, "m.conversation_id = \(conversationID) AND \(keyset)", order: "m.timestamp DESC, m.id DESC", limit).reversed()
    }

    /// Up to `limit` messages newer than `after`, oldest first.
    static func newer(_ db: any SQLSession, conversationID: Int64, after: MessageKey, limit: Int) throws -> [Message] {
        guard limit > 0 else { return [] }
        return try fetch(db, "m.conversation_id = \(conversationID) AND (m.timestamp, m.id) > (\(after.timestamp), \(after.id))",
                         order: "m.timestamp ASC, m.id ASC", limit)
    }

    /// Up to `limit` messages of every conversation after `after`, in time order.
    static func all(_ db: any SQLSession, after: MessageKey?, limit: Int) throws -> [Message] {
        let keyset: SQLFragment = after.map { "(m.timestamp, m.id) > (\($0.timestamp), \($0.id))" } ?? "TRUE"
        return try fetch(db, keyset, order: "m.timestamp ASC, m.id ASC", limit)
    }

    /// One message by id (search jumps).
    static func one(_ db: any SQLSession, id: Int64) throws -> Message? {
        try fetch(db, "m.id = \(id)", order: "m.id", 1).first
    }

    private static func fetch(_ db: any SQLSession, _ condition: SQLFragment, order: SQLFragment, _ limit: Int) throws -> [Message] {
        let request: SQLFragment = """
            SELECT \(sql: Message.selection) FROM message m JOIN conversation c ON c.id = m.conversation_id
            WHERE \(condition) ORDER BY \(order) LIMIT \(limit)
            """
        return try db.rows(request).map(Message.init(row:))
    }
}
