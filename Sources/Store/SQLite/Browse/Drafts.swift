import GRDB

/// Unsent replies, one per conversation, kept in the store so quitting loses nothing.
enum Drafts {
    static func load(_ db: Database, conversationID: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT text FROM draft WHERE conversation_id = ?", arguments: [conversationID])
    }

    /// Saves `text` as the draft; an empty text deletes it.
    static func save(_ db: Database, conversationID: Int64, text: String, at time: Double) throws {
        if text.isEmpty {
            try db.execute(sql: "DELETE FROM draft WHERE conversation_id = ?", arguments: [conversationID])
        } else {
            try db.execute(sql: """
                INSERT INTO draft (conversation_id, text, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(conversation_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at
                """, arguments: [conversationID, text, time])
        }
    }
}
