public import GRDB

/// Reads a conversation's history a page at a time, keyset-paged on `(timestamp, id)`
/// (several messages can share a timestamp), along the `message_conversation` index.
public enum MessagePage {
    /// Up to `limit` messages older than `before` (or the newest when nil), oldest first.
    public static func older(_ db: Database, conversationID: Int64, before: MessageKey?, inclusive: Bool = false, limit: Int) throws -> [MessageEntry] {
        guard limit > 0 else { return [] }
        var condition = "conversation_id = ?"
        var args: [any DatabaseValueConvertible] = [conversationID]
        if let before {
            condition += " AND (timestamp, id) \(inclusive ? "<=" : "<") (?, ?)"
            args += [before.timestamp, before.id]
        }
        return try fetch(db, condition, order: "timestamp DESC, id DESC", args, limit).reversed()
    }

    /// Up to `limit` messages newer than `after`, oldest first.
    public static func newer(_ db: Database, conversationID: Int64, after: MessageKey, limit: Int) throws -> [MessageEntry] {
        guard limit > 0 else { return [] }
        return try fetch(
            db, "conversation_id = ? AND (timestamp, id) > (?, ?)", order: "timestamp ASC, id ASC",
            [conversationID, after.timestamp, after.id], limit)
    }

    /// One message by id (search jumps).
    public static func one(_ db: Database, id: Int64) throws -> MessageEntry? {
        try fetch(db, "id = ?", order: "id", [id], 1).first
    }

    private static func fetch(_ db: Database, _ condition: String, order: String, _ args: [any DatabaseValueConvertible], _ limit: Int) throws -> [MessageEntry] {
        let sql = """
            SELECT id, conversation_id, direction, type, text, status, error_code, error_title, timestamp
            FROM message WHERE \(condition) ORDER BY \(order) LIMIT \(limit)
            """
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { row in
            MessageEntry(
                id: row[0], conversationID: row[1], direction: row[2], type: row[3], text: row[4],
                status: row[5], errorCode: row[6], errorTitle: row[7], timestamp: row[8])
        }
    }
}
