import GRDB

/// Unsent replies, one per conversation, kept in the store so quitting loses nothing.
enum Drafts {
    static func load(_ db: any SQLSession, conversationID: Int64) throws -> String? {
        try db.value(String.self, sql: "SELECT text FROM draft WHERE conversation_id = ?", arguments: [conversationID])
    }

    /// Saves `text` as the draft; an empty text deletes it.
    static func save(_ db: any SQLSession, conversationID: Int64, text: String, at time: Double) throws {
        if text.isEmpty {
            try db.run(sql: "DELETE FROM draft WHERE conversation_id = ?", arguments: [conversationID])
        } else {
            try db.run(sql: """
                INSERT INTO draft (conversation_id, text, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(conversation_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at
                """, arguments: [conversationID, text, time])
        }
    }
}
