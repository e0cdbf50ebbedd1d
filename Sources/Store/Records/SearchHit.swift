public import Foundation

/// A message found by full-text search.
public struct SearchHit: Sendable, Hashable, Identifiable {
    public var id: Int64 { messageID }
    public var messageID: Int64
    public var conversationID: Int64
    public var contactName: String
    public var channel: String
    public var direction: Direction
    /// The first 500 characters of the message (enough for a result row).
    public var text: String
    public var timestamp: Date

    public init(messageID: Int64, conversationID: Int64, contactName: String, channel: String, direction: Direction, text: String, timestamp: Date) {
        self.messageID = messageID
        self.conversationID = conversationID
        self.contactName = contactName
        self.channel = channel
        self.direction = direction
        self.text = text
        self.timestamp = timestamp
    }
}
