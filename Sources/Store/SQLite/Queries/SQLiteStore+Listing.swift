import Foundation
import GRDB
public import Identity

extension SQLiteStore {
    /// Conversations, newest activity first (optionally of one contact).
    public func conversations(contact: ContactID?) throws -> [Conversation] {
        try database.read { db in
            let filter: SQL = contact.map { "c.contact_id = \($0)" } ?? "1"
            return try ConversationPage.rows(db, filter, order: "c.last_message_at DESC, c.id DESC", nil)
        }
    }

    /// Streams every message in time order without loading them all.
    public func forEachMessage(_ body: (Message) throws -> Void) throws {
        try database.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT \(Message.selection) FROM message m JOIN conversation c ON c.id = m.conversation_id
                ORDER BY m.timestamp, m.id
                """)
            while let row = try cursor.next() { try body(Message(row: row)) }
        }
    }

    public func quarantined() throws -> [QuarantineRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, received_at, provider, channel, reason, size FROM quarantine ORDER BY id").map {
                QuarantineRecord(id: $0["id"], receivedAt: Date(timeIntervalSince1970: $0["received_at"]),
                                 provider: $0["provider"], channel: $0["channel"], reason: $0["reason"], size: $0["size"])
            }
        }
    }
}
