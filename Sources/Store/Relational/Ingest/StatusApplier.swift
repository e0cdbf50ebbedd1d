import FoundationEssentials
import Webhooks

/// Moves outbound messages along pending → sent → delivered → read (or failed). A status
/// for a message id the store has not seen yet is parked in `pending_status` and applied
/// when the message gets that id (`applyPending`).
struct StatusApplier {
    let db: any SQLSession

    /// Applies a status; returns false when it changed nothing (already known or older).
    func apply(_ status: StatusUpdate, channel: String, rawEventID: Int64?) throws -> Bool {
        let target = try db.row(sql: "SELECT id, status FROM message WHERE channel = ? AND provider_message_id = ?",
            arguments: [channel, status.messageID])
        guard let target else {
            try db.run(
                sql: """
                    INSERT INTO pending_status (channel, provider_message_id, status, error_code, error_title, timestamp, raw_event_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(channel, provider_message_id, status) DO NOTHING
                    """,
                arguments: [channel, status.messageID, status.status.rawValue, status.error?.code,
                            status.error?.title ?? status.error?.message, status.timestamp.timeIntervalSince1970,
                            rawEventID])
            return db.changesCount > 0
        }
        return try advance(messageRowID: target["id"], current: target["status"], to: status.status,
                           errorCode: status.error?.code, errorTitle: status.error?.title ?? status.error?.message,
                           at: status.timestamp.timeIntervalSince1970)
    }

    /// Applies parked statuses once an outbound message row carries its provider id.
    func applyPending(channel: String, providerMessageID: String) throws {
        let parked = try db.rows(sql: """
                SELECT status, error_code, error_title, timestamp FROM pending_status
                WHERE channel = ? AND provider_message_id = ? ORDER BY timestamp, id
                """, arguments: [channel, providerMessageID])
        guard !parked.isEmpty,
              let target = try db.row(sql: "SELECT id, status FROM message WHERE channel = ? AND provider_message_id = ?",
                arguments: [channel, providerMessageID])
        else { return }
        var current: String? = target["status"]
        for row in parked {
            guard let status = DeliveryStatus(rawValue: row["status"]) else { continue }
            if try advance(messageRowID: target["id"], current: current, to: status,
                           errorCode: row["error_code"], errorTitle: row["error_title"], at: row["timestamp"]) {
                current = status.rawValue
            }
        }
        try db.run(sql: "DELETE FROM pending_status WHERE channel = ? AND provider_message_id = ?",
                       arguments: [channel, providerMessageID])
    }

    private func advance(messageRowID: Int64, current: String?, to status: DeliveryStatus,
                         errorCode: String?, errorTitle: String?, at time: Double) throws -> Bool {
        let currentRank = current.flatMap(DeliveryStatus.init(rawValue:))?.rank ?? -1
        guard status.rank > currentRank else { return false }
        try db.run(
            sql: "UPDATE message SET status = ?, error_code = coalesce(?, error_code), error_title = coalesce(?, error_title) WHERE id = ?",
            arguments: [status.rawValue, errorCode, errorTitle, messageRowID])
        try Self.recordHistory(messageID: messageRowID, status: status, errorCode: errorCode, errorTitle: errorTitle, at: time, db: db)
        return true
    }

    /// Appends to a message's delivery history (the message details).
    static func recordHistory(messageID: Int64, status: DeliveryStatus, errorCode: String? = nil, errorTitle: String? = nil,
                              at time: Double, db: any SQLSession) throws {
        try db.run(sql: """
            INSERT INTO message_status_event (message_id, status, error_code, error_title, at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [messageID, status.rawValue, errorCode, errorTitle, time])
    }
}
