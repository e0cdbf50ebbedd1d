public import Foundation
import GRDB
import Identity
public import Webhooks

extension RelationalStore {
    /// Writes a reply as a pending outgoing message in its conversation (created if missing)
    /// plus a queued outbox row, in one transaction, before anything is sent.
    public func enqueue(_ outgoing: OutgoingMessageRecord) throws -> OutboxEntry {
        try write { db in
            let time = outgoing.createdAt.timeIntervalSince1970
            let conversation = try ConversationRows.id(channel: outgoing.channel, contact: outgoing.contact, db: db)
            let value = outgoing.recipient.value
            let kind = outgoing.recipient.kind
            // The identifier the reply goes to fills the column of its kind; the others stay NULL.
            let insert: SQLFragment = """
                INSERT INTO message (conversation_id, channel, provider_message_id, direction, type, text, status,
                                     timestamp, phone, bsuid, parent_bsuid, username)
                VALUES (\(conversation), \(outgoing.channel), NULL, \(Direction.outbound.rawValue), \(outgoing.type),
                        \(outgoing.text), \(DeliveryStatus.pending.rawValue), \(time),
                        \(kind == .phone ? value : nil), \(kind == .bsuid ? value : nil),
                        \(kind == .parentBSUID ? value : nil), \(kind == .username ? value : nil))
                """
            let messageID = try db.insert(sql: insert.sql, arguments: insert.arguments)
            try StatusApplier.recordHistory(messageID: messageID, status: .pending, at: time, db: db)
            try db.run(
                sql: """
                    UPDATE conversation SET message_count = message_count + 1,
                        last_message_at = CASE WHEN last_message_at IS NULL OR last_message_at < ? THEN ? ELSE last_message_at END,
                        last_message_preview = CASE WHEN ? >= coalesce(last_message_at, ?) THEN ? ELSE last_message_preview END,
                        last_direction = CASE WHEN ? >= coalesce(last_message_at, ?) THEN 'out' ELSE last_direction END
                    WHERE id = ?
                    """,
                arguments: [time, time, time, time, String(outgoing.text.prefix(200)), time, time, conversation])
            let outboxID = try db.insert(
                sql: """
                    INSERT INTO outbox (message_id, channel, provider, request, state, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'queued', ?, ?)
                    """,
                arguments: [messageID, outgoing.channel, outgoing.provider.rawValue, outgoing.request, time, time])
            return OutboxEntry(id: outboxID, messageID: messageID, channel: outgoing.channel,
                               provider: outgoing.provider, request: outgoing.request, state: .queued, attempts: 0)
        }
    }

    /// Claims a queued entry for sending under `lease`. Only one caller ever gets it (nil for
    /// the others), so two processes cannot send the same reply.
    public func claimOutboxEntry(_ id: Int64, at time: Date, lease: SenderLease = .current()) throws -> OutboxEntry? {
        try write { db in
            try db.run(
                sql: """
                    UPDATE outbox SET state = 'sending', updated_at = ?, lease_host = ?, lease_pid = ?, lease_expires_at = ?
                    WHERE id = ? AND state = 'queued'
                    """,
                arguments: [time.timeIntervalSince1970, lease.host, lease.processID, lease.expiresAt.timeIntervalSince1970, id])
            guard db.changesCount == 1 else { return nil }
            return try OutboxRows.entry(id, db: db)
        }
    }

    /// Pushes a running send's lease expiry forward (the sender calls it while it waits).
    public func renewOutboxLease(_ id: Int64, until expiry: Date) throws {
        try write { db in
            try db.run(sql: "UPDATE outbox SET lease_expires_at = ? WHERE id = ? AND state = 'sending'",
                           arguments: [expiry.timeIntervalSince1970, id])
        }
    }

    /// Counts one HTTP attempt of a claimed entry.
    public func recordOutboxAttempt(_ id: Int64, at time: Date) throws {
        try write { db in
            try db.run(sql: "UPDATE outbox SET attempts = attempts + 1, updated_at = ? WHERE id = ?",
                           arguments: [time.timeIntervalSince1970, id])
        }
    }

    /// The provider accepted the reply: the message gets the provider's id and moves to
    /// `sent`, and statuses that arrived before the id was known are applied.
    public func markOutboxSent(_ id: Int64, providerMessageID: String?, httpStatus: Int, at time: Date) throws {
        try write { db in
            guard let entry = try OutboxRows.entry(id, db: db) else { return }
            try db.run(
                sql: "UPDATE outbox SET state = 'done', http_status = ?, updated_at = ? WHERE id = ?",
                arguments: [httpStatus, time.timeIntervalSince1970, id])
            try db.run(
                sql: """
                    UPDATE message SET provider_message_id = coalesce(?, provider_message_id),
                        status = CASE WHEN status IS NULL OR status = 'pending' THEN 'sent' ELSE status END
                    WHERE id = ?
                    """,
                arguments: [providerMessageID, entry.messageID])
            try StatusApplier.recordHistory(messageID: entry.messageID, status: .sent, at: time.timeIntervalSince1970, db: db)
            if let providerMessageID {
                try StatusApplier(db: db).applyPending(channel: entry.channel, providerMessageID: providerMessageID)
            }
        }
    }

    /// The reply failed: the message shows the provider's error code and message (or why it
    /// could not be sent), the outbox keeps the HTTP status.
    @discardableResult
    public func markOutboxFailed(_ id: Int64, error: ProviderError, httpStatus: Int?, at time: Date,
                                 onlyIfSending: Bool = false) throws -> Bool {
        try write { db in
            guard let entry = try OutboxRows.entry(id, db: db) else { return false }
            if onlyIfSending, entry.state != .sending { return false }
            let detail = [error.title, error.message].compactMap { $0 }.joined(separator: ": ")
            try db.run(
                sql: "UPDATE outbox SET state = 'done', http_status = ?, error_message = ?, updated_at = ? WHERE id = ?",
                arguments: [httpStatus, detail, time.timeIntervalSince1970, id])
            try db.run(
                sql: "UPDATE message SET status = 'failed', error_code = ?, error_title = ? WHERE id = ?",
                arguments: [error.code, detail.isEmpty ? nil : detail, entry.messageID])
            try StatusApplier.recordHistory(messageID: entry.messageID, status: .failed, errorCode: error.code,
                                            errorTitle: detail.isEmpty ? nil : detail, at: time.timeIntervalSince1970, db: db)
            return true
        }
    }

    /// Replies whose sender is gone — on this host its process no longer exists, on any host
    /// its lease expired, or it never had one — are marked failed with `interrupted`, never
    /// resent: the provider may already have delivered them. Runs whenever the store is
    /// opened. Returns how many were marked.
    @discardableResult
    public func failInterruptedSends(at time: Date = Date(), host: String = SenderLease.hostName(),
                                     isAlive: (Int32) -> Bool = SenderLease.processExists) throws -> Int {
        let sending = try read { db in
            try db.rows(sql: "SELECT id, lease_host, lease_pid, lease_expires_at FROM outbox WHERE state = 'sending'")
        }
        var failed = 0
        for row in sending {
            let leaseHost: String? = row["lease_host"]
            let pid: Int32? = row["lease_pid"]
            let expiry: Double? = row["lease_expires_at"]
            let expired = (expiry ?? 0) < time.timeIntervalSince1970
            let gone = leaseHost == host && !(pid.map(isAlive) ?? false)
            guard expired || gone || leaseHost == nil else { continue }
            if try markOutboxFailed(row["id"], error: .interrupted, httpStatus: nil, at: time, onlyIfSending: true) { failed += 1 }
        }
        return failed
    }

    /// Entries written but not yet claimed, oldest first.
    public func queuedOutboxEntries() throws -> [OutboxEntry] {
        try read { db in
            try db.values(Int64.self, sql: "SELECT id FROM outbox WHERE state = 'queued' ORDER BY id")
                .compactMap { try OutboxRows.entry($0, db: db) }
        }
    }

    public func outboxEntry(_ id: Int64) throws -> OutboxEntry? {
        try read { db in try OutboxRows.entry(id, db: db) }
    }
}

/// An outbox row as a record.
enum OutboxRows {
    static func entry(_ id: Int64, db: any SQLSession) throws -> OutboxEntry? {
        guard let row = try db.row(sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]),
              let provider = ProviderKind(rawValue: row["provider"]),
              let state = OutboxEntry.State(rawValue: row["state"]) else { return nil }
        return OutboxEntry(id: row["id"], messageID: row["message_id"], channel: row["channel"], provider: provider,
                           request: row["request"], state: state, attempts: row["attempts"])
    }
}

/// The conversation of a contact on a channel, created when missing (replies, rebuild).
enum ConversationRows {
    static func id(channel: String, contact: ContactID, db: any SQLSession) throws -> Int64 {
        if let id = try db.value(Int64.self, sql: "SELECT id FROM conversation WHERE channel = ? AND contact_id = ?", arguments: [channel, contact]) {
            return id
        }
        return try db.insert(sql: "INSERT INTO conversation (channel, contact_id) VALUES (?, ?)", arguments: [channel, contact])
    }
}
