public import Foundation
public import Identity
public import Webhooks

/// Which way a message went.
public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
    /// From the customer.
    case inbound = "in"
    /// A reply from an operator.
    case outbound = "out"
}

/// One message: the read model of the message pane, `export` and search jumps.
public struct Message: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var providerMessageID: String?
    public var conversationID: Int64
    public var contactID: ContactID
    public var channel: String
    public var direction: Direction
    /// Stored message type (`text`, `image`, `template`…).
    public var type: String
    public var text: String
    /// Delivery state of a reply (nil for inbound messages).
    public var status: DeliveryStatus?
    public var errorCode: String?
    public var errorTitle: String?
    public var timestamp: Date
    /// The identifiers the message carried (inbound) or was sent to (outbound).
    public var phone: String?
    public var bsuid: String?
    public var parentBSUID: String?
    public var username: String?

    public init(
        id: Int64, providerMessageID: String? = nil, conversationID: Int64, contactID: ContactID = 0,
        channel: String = "", direction: Direction, type: String = "text", text: String,
        status: DeliveryStatus? = nil, errorCode: String? = nil, errorTitle: String? = nil, timestamp: Date,
        phone: String? = nil, bsuid: String? = nil, parentBSUID: String? = nil, username: String? = nil
    ) {
        self.id = id
        self.providerMessageID = providerMessageID
        self.conversationID = conversationID
        self.contactID = contactID
        self.channel = channel
        self.direction = direction
        self.type = type
        self.text = text
        self.status = status
        self.errorCode = errorCode
        self.errorTitle = errorTitle
        self.timestamp = timestamp
        self.phone = phone
        self.bsuid = bsuid
        self.parentBSUID = parentBSUID
        self.username = username
    }

    public var isOutbound: Bool { direction == .outbound }

    /// Identity source of what the message carried.
    public var identitySource: IdentitySource { IdentitySource(hasPhone: phone != nil) }

    /// Position in the history order `(timestamp, id)`.
    public var key: MessageKey { MessageKey(timestamp: timestamp.timeIntervalSince1970, id: id) }
}

/// Keyset position in a conversation's history (Unix seconds, id).
public struct MessageKey: Sendable, Hashable, Comparable {
    public var timestamp: Double
    public var id: Int64

    public init(timestamp: Double, id: Int64) {
        self.timestamp = timestamp
        self.id = id
    }

    public static func < (a: MessageKey, b: MessageKey) -> Bool {
        (a.timestamp, a.id) < (b.timestamp, b.id)
    }
}
