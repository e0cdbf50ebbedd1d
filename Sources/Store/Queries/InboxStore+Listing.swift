import Foundation
import GRDB
public import Identity

extension InboxStore {
    /// Conversations, newest activity first (optionally of one contact).
    public func conversations(contact: ContactID? = nil) throws -> [ConversationRecord] {
        try database.read { db in
            let filter = contact.map { "WHERE c.contact_id = \($0)" } ?? ""
            return try Row.fetchAll(db, sql: """
                SELECT c.*, k.name AS contact_name, k.username AS contact_username,
                    (SELECT CASE kind WHEN 'phone' THEN '+' || value ELSE value END FROM identifier
                     WHERE contact_id = c.contact_id AND current = 1 AND kind <> 'username'
                     ORDER BY kind = 'phone' DESC, id DESC LIMIT 1) AS contact_identifier
                FROM conversation c
                JOIN contact k ON k.id = c.contact_id \(filter)
                ORDER BY c.last_message_at DESC, c.id DESC
                """).map(Self.conversation)
        }
    }

    static func conversation(_ row: Row) -> ConversationRecord {
        let last: Double? = row["last_message_at"]
        let inbound: Double? = row["last_inbound_at"]
        let name: String? = row["contact_name"]
        let username: String? = row["contact_username"]
        let identifier: String? = row["contact_identifier"]
        return ConversationRecord(
            id: row["id"], contactID: row["contact_id"], contactName: name ?? username ?? identifier, channel: row["channel"],
            messages: row["message_count"], unread: row["unread"],
            lastMessageAt: last.map(Date.init(timeIntervalSince1970:)),
            lastInboundAt: inbound.map(Date.init(timeIntervalSince1970:)),
            lastMessagePreview: row["last_message_preview"])
    }

    /// Streams every message in time order without loading them all.
    public func forEachMessage(_ body: (MessageRecord) throws -> Void) throws {
        try database.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT m.*, c.contact_id FROM message m JOIN conversation c ON c.id = m.conversation_id
                ORDER BY m.timestamp, m.id
                """)
            while let row = try cursor.next() {
                try body(MessageRecord(
                    id: row["id"], providerMessageID: row["provider_message_id"], conversationID: row["conversation_id"],
                    contactID: row["contact_id"], channel: row["channel"], direction: row["direction"],
                    type: row["type"], text: row["text"], status: row["status"], errorCode: row["error_code"],
                    timestamp: Date(timeIntervalSince1970: row["timestamp"]), phone: row["phone"], bsuid: row["bsuid"],
                    parentBSUID: row["parent_bsuid"], username: row["username"]))
            }
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
