import Foundation
import GRDB
import Identity
import Webhooks

extension InboxStore {
    /// Writes a reply as a pending outgoing message in its conversation (created if missing)
    /// plus a queued outbox row, in one transaction, before anything is sent.
    public func enqueue(_ outgoing: OutgoingMessageRecord) throws -> OutboxEntry {
        try database.write { db in
            let time = outgoing.createdAt.timeIntervalSince1970
            let conversation = try Self.conversationID(channel: outgoing.channel, contact: outgoing.contact, db: db)
            let column: String = switch outgoing.recipient.kind {
            case .phone: "phone"
            case .bsuid: "bsuid"
            case .parentBSUID: "parent_bsuid"
            case .username: "username"
            }
            try db.execute(
                sql: """
                    INSERT INTO message (conversation_id, channel, provider_message_id, direction, type, text, status,
                                         timestamp, \(column))
                    VALUES (?, ?, NULL, 'out', ?, ?, 'pending', ?, ?)
                    """,
                arguments: [conversation, outgoing.channel, outgoing.type, outgoing.text, time, outgoing.recipient.value])
            let messageID = db.lastInsertedRowID
            try db.execute(
                sql: """
                    UPDATE conversation SET message_count = message_count + 1,
                        last_message_at = max(coalesce(last_message_at, ?), ?),
                        last_message_preview = CASE WHEN ? >= coalesce(last_message_at, ?) THEN ? ELSE last_message_preview END
                    WHERE id = ?
                    """,
                arguments: [time, time, time, time, String(outgoing.text.prefix(200)), conversation])
            try db.execute(
                sql: """
                    INSERT INTO outbox (message_id, channel, provider, request, state, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'queued', ?, ?)
                    """,
                arguments: [messageID, outgoing.channel, outgoing.provider.rawValue, outgoing.request, time, time])
            return OutboxEntry(id: db.lastInsertedRowID, messageID: messageID, channel: outgoing.channel,
                               provider: outgoing.provider, request: outgoing.request, state: .queued, attempts: 0)
        }
    }

    /// Claims a queued entry for sending. Only one caller ever gets it (nil for the others),
    /// so two processes cannot send the same reply.
    public func claimOutboxEntry(_ id: Int64, at time: Date) throws -> OutboxEntry? {
        try database.write { db in
            try db.execute(
                sql: "UPDATE outbox SET state = 'sending', updated_at = ? WHERE id = ? AND state = 'queued'",
                arguments: [time.timeIntervalSince1970, id])
            guard db.changesCount == 1 else { return nil }
            return try Self.outboxEntry(id, db: db)
        }
    }

    /// Counts one HTTP attempt of a claimed entry.
    public func recordOutboxAttempt(_ id: Int64, at time: Date) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE outbox SET attempts = attempts + 1, updated_at = ? WHERE id = ?",
                           arguments: [time.timeIntervalSince1970, id])
        }
    }

    /// The provider accepted the reply: the message gets the provider's id and moves to
    /// `sent`, and statuses that arrived before the id was known are applied.
    public func markOutboxSent(_ id: Int64, providerMessageID: String?, httpStatus: Int, at time: Date) throws {
        try database.write { db in
            guard let entry = try Self.outboxEntry(id, db: db) else { return }
            try db.execute(
                sql: "UPDATE outbox SET state = 'done', http_status = ?, updated_at = ? WHERE id = ?",
                arguments: [httpStatus, time.timeIntervalSince1970, id])
            try db.execute(
                sql: """
                    UPDATE message SET provider_message_id = coalesce(?, provider_message_id),
                        status = CASE WHEN status IS NULL OR status = 'pending' THEN 'sent' ELSE status END
                    WHERE id = ?
                    """,
                arguments: [providerMessageID, entry.messageID])
            if let providerMessageID {
                try StatusApplier(db: db).applyPending(channel: entry.channel, providerMessageID: providerMessageID)
            }
        }
    }

    /// The reply failed: the message shows the provider's error code and message (or why it
    /// could not be sent), the outbox keeps the HTTP status.
    public func markOutboxFailed(_ id: Int64, error: ProviderError, httpStatus: Int?, at time: Date) throws {
        try database.write { db in
            guard let entry = try Self.outboxEntry(id, db: db) else { return }
            let detail = [error.title, error.message].compactMap { $0 }.joined(separator: ": ")
            try db.execute(
                sql: "UPDATE outbox SET state = 'done', http_status = ?, error_message = ?, updated_at = ? WHERE id = ?",
                arguments: [httpStatus, detail, time.timeIntervalSince1970, id])
            try db.execute(
                sql: "UPDATE message SET status = 'failed', error_code = ?, error_title = ? WHERE id = ?",
                arguments: [error.code, detail.isEmpty ? nil : detail, entry.messageID])
        }
    }

    /// Entries claimed by a sender that never finished (a crash mid-send) are marked failed,
    /// never resent: the provider may already have delivered them. Returns how many.
    @discardableResult
    public func failInterruptedSends(olderThan cutoff: Date, at time: Date) throws -> Int {
        let stale = try database.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM outbox WHERE state = 'sending' AND updated_at < ?",
                               arguments: [cutoff.timeIntervalSince1970])
        }
        for id in stale {
            try markOutboxFailed(id, error: ProviderError(
                code: "interrupted", title: "send interrupted",
                message: "the sender stopped before the provider answered; not resent to avoid a double send"),
                httpStatus: nil, at: time)
        }
        return stale.count
    }

    /// Entries written but not yet claimed, oldest first.
    public func queuedOutboxEntries() throws -> [OutboxEntry] {
        try database.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM outbox WHERE state = 'queued' ORDER BY id")
                .compactMap { try Self.outboxEntry($0, db: db) }
        }
    }

    public func outboxEntry(_ id: Int64) throws -> OutboxEntry? {
        try database.read { db in try Self.outboxEntry(id, db: db) }
    }

    static func outboxEntry(_ id: Int64, db: Database) throws -> OutboxEntry? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]),
              let provider = ProviderKind(rawValue: row["provider"]),
              let state = OutboxEntry.State(rawValue: row["state"]) else { return nil }
        return OutboxEntry(id: row["id"], messageID: row["message_id"], channel: row["channel"], provider: provider,
                           request: row["request"], state: state, attempts: row["attempts"])
    }

    static func conversationID(channel: String, contact: ContactID, db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM conversation WHERE channel = ? AND contact_id = ?", arguments: [channel, contact]) {
            return id
        }
        try db.execute(sql: "INSERT INTO conversation (channel, contact_id) VALUES (?, ?)", arguments: [channel, contact])
        return db.lastInsertedRowID
    }
}
