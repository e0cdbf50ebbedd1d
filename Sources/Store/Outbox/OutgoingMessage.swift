public import Foundation
public import Identity

/// A reply to record before it is sent: the message row and the request that sends it.
public struct OutgoingMessageRecord: Sendable, Hashable {
    /// Channel name (the conversation is per channel and contact).
    public var channel: String
    public var provider: ProviderKind
    public var contact: ContactID
    /// Stored message type (`text`, `template`).
    public var type: String
    /// What the inbox shows for it.
    public var text: String
    /// The identifier it is sent to; goes in the message's phone/bsuid/parent_bsuid column.
    public var recipient: Identifier
    /// `{"method","url","body"}` as JSON text: no headers.
    public var request: String
    public var createdAt: Date

    public init(channel: String, provider: ProviderKind, contact: ContactID, type: String, text: String,
                recipient: Identifier, request: String, createdAt: Date) {
        self.channel = channel
        self.provider = provider
        self.contact = contact
        self.type = type
        self.text = text
        self.recipient = recipient
        self.request = request
        self.createdAt = createdAt
    }
}

/// One outbox row.
public struct OutboxEntry: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        case queued, sending, done
    }

    public var id: Int64
    /// The `message` row of the reply.
    public var messageID: Int64
    public var channel: String
    public var provider: ProviderKind
    public var request: String
    public var state: State
    public var attempts: Int
}
