public import Foundation
public import Identity
public import Store
import Webhooks

/// Sends replies through the store's outbox: the message is written first (pending), then
/// claimed by exactly one sender, sent, and marked sent with the provider's message id — or
/// failed with the provider's HTTP status, code and message. Status webhooks for that id
/// then move it to delivered / read (ingestion, `StatusApplier`).
public struct ReplyOutbox: Sendable {
    public let store: any InboxStore
    public var sender: ProviderSender
    public var clock: @Sendable () -> Date

    public init(store: any InboxStore, sender: ProviderSender = ProviderSender(),
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.sender = sender
        self.clock = clock
    }

    /// Records `reply` for `contact` as a pending message, then sends it.
    /// `token` is the channel's `token_env` value (nil for the sandbox).
    public func send(_ reply: PreparedReply, contact: ContactID, token: String?) async throws -> OutboxDelivery {
        let entry = try store.enqueue(OutgoingMessageRecord(
            channel: reply.plan.channel.name, provider: reply.plan.channel.provider, contact: contact,
            type: reply.message.typeName, text: reply.message.displayText, recipient: reply.plan.identifier,
            request: reply.request.storedForm, createdAt: clock()))
        return try await deliver(entry.id, token: token)
    }

    /// Sends one queued outbox entry. Returns `result: nil` when another sender claimed it.
    public func deliver(_ entryID: Int64, token: String?) async throws -> OutboxDelivery {
        guard let entry = try store.claimOutboxEntry(entryID, at: clock()) else {
            return OutboxDelivery(entryID: entryID, messageRowID: try store.outboxEntry(entryID)?.messageID, result: nil)
        }
        guard let request = ProviderRequest(storedForm: entry.request, provider: entry.provider, token: token) else {
            let error = ProviderError(code: "bad_request", title: "unreadable outbox request",
                                      message: "the stored request could not be read")
            try store.markOutboxFailed(entry.id, error: error, httpStatus: nil, at: clock())
            return OutboxDelivery(entryID: entry.id, messageRowID: entry.messageID, result: .failed(error, httpStatus: nil))
        }
        var sender = sender
        let store = store
        let clock = clock
        sender.onAttempt = { _ in try? store.recordOutboxAttempt(entry.id, at: clock()) }
        // Renew the lease while the send runs, so other processes see a live sender.
        let renewal = Task {
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(SenderLease.renewal))
                try store.renewOutboxLease(entry.id, until: Date().addingTimeInterval(SenderLease.duration))
            }
        }
        let result = await sender.send(request, provider: entry.provider)
        renewal.cancel()
        switch result {
        case .accepted(let messageID, let status):
            try store.markOutboxSent(entry.id, providerMessageID: messageID, httpStatus: status, at: clock())
        case .failed(let error, let status):
            try store.markOutboxFailed(entry.id, error: error, httpStatus: status, at: clock())
        }
        return OutboxDelivery(entryID: entry.id, messageRowID: entry.messageID, result: result)
    }
}

extension ReplyOutbox {
    /// Sends every reply still queued (written by a process that stopped before sending),
    /// oldest first; `token` gives each channel's token. Returns what happened to each.
    public func sendQueued(token: (String) -> String?) async throws -> [OutboxDelivery] {
        var deliveries: [OutboxDelivery] = []
        for entry in try store.queuedOutboxEntries() {
            deliveries.append(try await deliver(entry.id, token: token(entry.channel)))
        }
        return deliveries
    }
}

/// What happened to one outbox entry.
public struct OutboxDelivery: Sendable, Hashable {
    public var entryID: Int64
    /// The reply's `message` row.
    public var messageRowID: Int64?
    /// Nil when another sender had already claimed the entry.
    public var result: SendResult?
}
