public import Store

/// Everything that can change the inbox state: keys, time, and answers to effects.
public enum InboxEvent: Sendable {
    case key(KeyEvent)
    case resized(TerminalSize)
    /// The clock moved (relative times, the status bar).
    case tick(now: Double)
    /// Another connection committed to the store.
    case storeChanged
    case listLoaded(ListWindow, ListRequest)
    case countsLoaded(InboxCounts)
    case messagesLoaded(MessagePageResult)
    case identityLoaded(ContactDetail)
    case replyPlanned(conversationID: Int64, ReplyPreview)
    case draftLoaded(conversationID: Int64, text: String?)
    case sent(conversationID: Int64, SendOutcome)
    case searchFinished(query: String, [SearchHit])
    /// Conversations whose name, username, phone or BSUID match a search.
    case conversationsFound(query: String, [Conversation])
    case timelineLoaded(conversationID: Int64, [TimelineEntry])
    case presenceLoaded(conversationID: Int64, [String])
    case deliveryHistoryLoaded(messageID: Int64, [DeliveryEvent])
    case templatesLoaded(conversationID: Int64, [TemplateChoice])
    case continuityLoaded(contactID: Int64, [String])
    case templatePreviewed(conversationID: Int64, TemplatePreview)
    /// Compose moved to another conversation of the contact (nil: none would take the reply).
    case composeRetargeted(from: Int64, Conversation?, ReplyPreview?)
    case editorFinished(conversationID: Int64, text: String?)
    case exported(path: String, count: Int)
    /// A conversation after an operator change, as stored.
    case conversationChanged(Conversation, ConversationChange)
    /// An effect failed; shown in the status bar.
    case failed(String)
}

/// A window of the conversation list as read from the store.
public struct ListWindow: Sendable, Hashable {
    public var rows: [Conversation]
    public var hasAbove: Bool
    public var hasBelow: Bool
    /// The conversation the request looked for (next unread), when found.
    public var found: Int64?

    public init(rows: [Conversation], hasAbove: Bool, hasBelow: Bool, found: Int64? = nil) {
        self.rows = rows
        self.hasAbove = hasAbove
        self.hasBelow = hasBelow
        self.found = found
    }
}

/// Messages read for a request, oldest first.
public struct MessagePageResult: Sendable, Hashable {
    public var request: MessageRequest
    public var entries: [Message]
    /// More history exists in the direction read (older for latest/older, newer for newer).
    public var hasMore: Bool
    /// For `around`: whether newer messages exist after the page.
    public var hasNewer: Bool

    public init(request: MessageRequest, entries: [Message], hasMore: Bool, hasNewer: Bool = false) {
        self.request = request
        self.entries = entries
        self.hasMore = hasMore
        self.hasNewer = hasNewer
    }
}
