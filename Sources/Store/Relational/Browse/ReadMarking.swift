import GRDB

/// Opening a conversation marks it read.
public enum ReadMarking {
    /// Clears the unread count; returns whether anything changed (no write when already read).
    @discardableResult
    static func markRead(_ db: any SQLSession, conversationID: Int64) throws -> Bool {
        try db.run(sql: "UPDATE conversation SET unread = 0 WHERE id = ? AND unread != 0", arguments: [conversationID])
        return db.changesCount > 0
    }
}
