public import Foundation
public import Identity

/// A provider-neutral fact taken from a webhook (SPEC §1 data flow).
public enum InboundEvent: Sendable, Hashable {
    case message(InboundMessage)
    case status(StatusUpdate)
    case identityChange(IdentityChange)
    case marketingPreference(MarketingPreference)

    public var channel: ChannelAddress {
        switch self {
        case .message(let m): m.channel
        case .status(let s): s.channel
        case .identityChange(let c): c.channel
        case .marketingPreference(let p): p.channel
        }
    }
}

/// A customer stopped or resumed marketing messages from one business number (Meta
/// `user_preferences`, `category: marketing_messages`).
public struct MarketingPreference: Sendable, Hashable {
    public var channel: ChannelAddress
    public var customer: CustomerIdentity
    /// True for `stop`, false for `resume`.
    public var stopped: Bool
    public var timestamp: Date

    public init(channel: ChannelAddress, customer: CustomerIdentity, stopped: Bool, timestamp: Date) {
        self.channel = channel
        self.customer = customer
        self.stopped = stopped
        self.timestamp = timestamp
    }
}

/// A message the customer sent to a business number.
public struct InboundMessage: Sendable, Hashable {
    public var channel: ChannelAddress
    /// The provider's message id (Meta wamid): the dedupe key within a channel.
    public var id: String
    public var timestamp: Date
    public var customer: CustomerIdentity
    public var content: MessageContent

    public init(channel: ChannelAddress, id: String, timestamp: Date, customer: CustomerIdentity, content: MessageContent) {
        self.channel = channel
        self.id = id
        self.timestamp = timestamp
        self.customer = customer
        self.content = content
    }
}

/// A delivery report for a message the business sent.
public struct StatusUpdate: Sendable, Hashable {
    public var channel: ChannelAddress
    /// The provider's id of the outbound message.
    public var messageID: String
    public var status: DeliveryStatus
    public var timestamp: Date
    /// Who it was sent to, as far as the report says (may be empty: Meta's failed statuses).
    public var customer: CustomerIdentity
    public var error: ProviderError?

    public init(channel: ChannelAddress, messageID: String, status: DeliveryStatus, timestamp: Date,
                customer: CustomerIdentity, error: ProviderError? = nil) {
        self.channel = channel
        self.messageID = messageID
        self.status = status
        self.timestamp = timestamp
        self.customer = customer
        self.error = error
    }
}

/// A customer's identifiers changed (new phone, new BSUID): old ones become history.
public struct IdentityChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case changedNumber = "user_changed_number"
        case changedUserID = "user_changed_user_id"
        case userIDUpdate = "user_id_update"
    }

    public var channel: ChannelAddress
    public var kind: Kind
    /// The system message id when there is one (dedupe key), else a key built from the values.
    public var id: String
    public var timestamp: Date
    public var previous: CustomerIdentity
    public var current: CustomerIdentity

    public init(channel: ChannelAddress, kind: Kind, id: String, timestamp: Date,
                previous: CustomerIdentity, current: CustomerIdentity) {
        self.channel = channel
        self.kind = kind
        self.id = id
        self.timestamp = timestamp
        self.previous = previous
        self.current = current
    }
}

/// An error a provider reported for a message.
public struct ProviderError: Sendable, Hashable, Codable {
    public var code: String
    public var title: String?
    public var message: String?

    public init(code: String, title: String? = nil, message: String? = nil) {
        self.code = code
        self.title = title
        self.message = message
    }
}
