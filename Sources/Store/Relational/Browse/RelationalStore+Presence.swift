public import Foundation
import Webhooks

/// Who is composing where (short-lived rows), and a message's delivery history.
extension RelationalStore {
    public func setPresence(conversationID: Int64, operator name: String, until: Date?) throws {
        try write { db in
            if let until {
                try db.run(sql: """
                    INSERT INTO presence (conversation_id, operator, until) VALUES (?, ?, ?)
                    ON CONFLICT (conversation_id, operator) DO UPDATE SET until = excluded.until
                    """, arguments: [conversationID, name, until.timeIntervalSince1970])
            } else {
                try db.run(sql: "DELETE FROM presence WHERE conversation_id = ? AND operator = ?",
                           arguments: [conversationID, name])
            }
        }
    }

    public func presence(conversationID: Int64, at time: Date) throws -> [String] {
        try read { db in
            try db.rows(sql: "SELECT operator FROM presence WHERE conversation_id = ? AND until > ? ORDER BY operator",
                        arguments: [conversationID, time.timeIntervalSince1970]).map { $0[0] }
        }
    }

    public func deliveryHistory(messageID: Int64) throws -> [DeliveryEvent] {
        try read { db in
            try db.rows(sql: """
                SELECT status, at, error_code, error_title FROM message_status_event WHERE message_id = ? ORDER BY at, id
                """, arguments: [messageID]).compactMap { row in
                DeliveryStatus(rawValue: row[0]).map {
                    DeliveryEvent(status: $0, at: Date(timeIntervalSince1970: row[1]), errorCode: row[2], errorTitle: row[3])
                }
            }
        }
    }
}
