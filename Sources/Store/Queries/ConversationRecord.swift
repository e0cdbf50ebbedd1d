public import Foundation
public import Identity

/// One conversation: a contact on one channel (business number).
public struct ConversationRecord: Sendable, Hashable {
    public var id: Int64
    public var contactID: ContactID
    public var contactName: String?
    public var channel: String
    public var messages: Int
    public var unread: Int
    public var lastMessageAt: Date?
    public var lastInboundAt: Date?
    public var lastMessagePreview: String?
}

/// One message as exported (SPEC §4 `export`).
public struct MessageRecord: Sendable, Hashable {
    public var id: Int64
    public var providerMessageID: String?
    public var conversationID: Int64
    public var contactID: ContactID
    public var channel: String
    public var direction: String
    public var type: String
    public var text: String
    public var status: String?
    public var errorCode: String?
    public var timestamp: Date
    public var phone: String?
    public var bsuid: String?
    public var parentBSUID: String?
    public var username: String?

    /// Identity source of what the message carried.
    public var identitySource: IdentitySource { IdentitySource(hasPhone: phone != nil) }
}

/// A webhook that could not be ingested.
public struct QuarantineRecord: Sendable, Hashable {
    public var id: Int64
    public var receivedAt: Date
    public var provider: String?
    public var channel: String?
    public var reason: String
    public var size: Int
}
