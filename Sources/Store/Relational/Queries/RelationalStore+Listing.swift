import Foundation
public import Identity

extension RelationalStore {
    /// Conversations, newest activity first (optionally of one contact).
    public func conversations(contact: ContactID?) throws -> [Conversation] {
        try read { db in
            let filter: SQLFragment = contact.map { "c.contact_id = \($0)" } ?? "TRUE"
            return try ConversationPage.rows(db, filter, order: "c.last_message_at DESC, c.id DESC", nil)
        }
    }

    /// Streams every message in time order a page at a time (keyset on timestamp, id), so
    /// neither backend holds them all.
    public func forEachMessage(_ body: (Message) throws -> Void) throws {
        var after: MessageKey?
        while true {
            let page = try read { db in try MessagePage.all(db, after: after, limit: 1000) }
            for message in page { try body(message) }
            guard page.count == 1000, let last = page.last else { return }
            after = last.key
        }
    }

    public func quarantined() throws -> [QuarantineRecord] {
        try read { db in
            try db.rows(sql: "SELECT id, received_at, provider, channel, reason, size FROM quarantine ORDER BY id").map {
                QuarantineRecord(id: $0["id"], receivedAt: Date(timeIntervalSince1970: $0["received_at"]),
                                 provider: $0["provider"], channel: $0["channel"], reason: $0["reason"], size: $0["size"])
            }
        }
    }
}
