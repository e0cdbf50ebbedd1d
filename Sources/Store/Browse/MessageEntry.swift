/// One message as the message pane shows it.
public struct MessageEntry: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var conversationID: Int64
    /// `in` or `out`.
    public var direction: String
    public var type: String
    public var text: String
    /// Delivery state of outbound messages: pending, sent, delivered, read, failed…
    public var status: String?
    public var errorCode: String?
    public var errorTitle: String?
    public var timestamp: Double

    public init(
        id: Int64, conversationID: Int64, direction: String, type: String = "text", text: String,
        status: String? = nil, errorCode: String? = nil, errorTitle: String? = nil, timestamp: Double
    ) {
        self.id = id
        self.conversationID = conversationID
        self.direction = direction
        self.type = type
        self.text = text
        self.status = status
        self.errorCode = errorCode
        self.errorTitle = errorTitle
        self.timestamp = timestamp
    }

    public var isOutbound: Bool { direction == "out" }

    /// Position in the history order `(timestamp, id)`.
    public var key: MessageKey { MessageKey(timestamp: timestamp, id: id) }
}

/// Keyset position in a conversation's history.
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
