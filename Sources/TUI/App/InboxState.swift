public import Store

/// The whole inbox as data: what is loaded, what has focus, what the operator is typing.
/// Only what is on screen is held (a window of the list, a few pages of history).
public struct InboxState: Sendable {
    public enum Focus: Sendable, Hashable { case list, messages }

    /// What keys go to: the panes, or a text line, or an overlay.
    public enum Mode: Sendable, Hashable {
        case browse
        case compose
        case searchInput
        case searchResults
        case commandLine
        case help
    }

    public var size: TerminalSize
    public var now: Double
    /// Who is at the keyboard (for `a`: assign to me).
    public var operatorName: String?
    public var time: TimeFormatting
    public var keymap: Keymap
    public var focus: Focus = .list
    public var mode: Mode = .browse
    public var list = ConversationListState()
    public var messages = MessagePaneState()
    public var identity = IdentityPaneState()
    public var compose = ComposeState()
    public var search = SearchState()
    public var commandLine = ""
    public var status: StatusState
    public var wantsQuit = false
    /// A search hit to show once the list has selected its conversation.
    public var pendingJump: SearchJump?
    /// Colour off (`NO_COLOR`): the view marks selection with text, not just colour.
    public var monochrome = false

    public init(size: TerminalSize, now: Double, storeName: String, keymap: Keymap = .standard, time: TimeFormatting = TimeFormatting()) {
        self.size = size
        self.now = now
        self.keymap = keymap
        self.time = time
        self.status = StatusState(storeName: storeName)
    }

    /// The conversation under the list cursor.
    public var selectedConversation: Conversation? { list.selected }
}

/// Where a search result leads.
public struct SearchJump: Sendable, Hashable {
    public var conversationID: Int64
    public var messageID: Int64
}

/// The visible window of the conversation list.
public struct ConversationListState: Sendable, Hashable {
    public var rows: [Conversation] = []
    public var selectedIndex = 0
    public var hasAbove = false
    public var hasBelow = false
    public var unreadOnly = false
    public var loaded = false

    public var selected: Conversation? {
        rows.indices.contains(selectedIndex) ? rows[selectedIndex] : nil
    }
}

/// The history shown on the right: loaded pages of one conversation, scrolled by lines.
public struct MessagePaneState: Sendable, Hashable {
    public var conversation: Conversation?
    public var entries: [Message] = []
    public var hasOlder = false
    public var hasNewer = false
    public var loadingOlder = false
    /// Lines scrolled up from the newest line (0 = bottom).
    public var scroll = 0
    /// A message to mark (search jump).
    public var highlight: Int64?
    /// Messages sent from here that the store does not show yet.
    public var optimistic: [Message] = []

    /// Loaded entries plus optimistic ones, oldest first.
    public var visibleEntries: [Message] {
        optimistic.isEmpty ? entries : entries + optimistic
    }
}

/// Identity details of the selected conversation's contact.
public struct IdentityPaneState: Sendable, Hashable {
    public var visible = false
    public var detail: ContactDetail?
    public var preview: ReplyPreview?
    public var previewConversationID: Int64?
}

/// The reply being written.
public struct ComposeState: Sendable, Hashable {
    public var conversation: Conversation?
    public var text = ""
    public var preview: ReplyPreview?
    /// A refusal from the last send attempt.
    public var refusal: ReplyRefusal?
}

/// Global search: the query being typed and the results.
public struct SearchState: Sendable, Hashable {
    public var query = ""
    public var results: [SearchHit] = []
    public var selectedIndex = 0
    public var ranQuery: String?
}

/// The status bar.
public struct StatusState: Sendable, Hashable {
    public var storeName: String
    public var counts = InboxCounts()
    public var lastError: String?
    /// A one-off notice (export done, sent).
    public var notice: String?

    public init(storeName: String) {
        self.storeName = storeName
    }
}
