public import Store

/// The whole inbox as data: what is loaded, what has focus, what the operator is typing.
/// Only what is on screen is held (a window of the list, a few pages of history).
public struct InboxState: Sendable {
    public enum Focus: Sendable, Hashable { case list, messages, identity }

    /// What keys go to: the panes, or a text line, or an overlay.
    public enum Mode: Sendable, Hashable {
        case browse
        case compose
        case searchInput
        case searchResults
        case commandLine
        case help
        /// A one-line question for a triage action (snooze time, assignee, note).
        case prompt
        /// A message's details (status history, error, provider id, identifiers).
        case messageDetails
        /// Choosing, filling in and confirming a template.
        case templatePicker
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
    public var prompt: PromptState?
    public var picker: TemplatePickerState?
    public var details = MessageDetailsState()
    public var help = HelpState()
    /// Ring the bell on new inbound messages (config `bell`).
    public var bell = true
    /// Several channels are configured: list rows name theirs.
    public var showsChannels = false
    /// No config file yet: where it goes (first run).
    public var missingConfigPath: String?
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
    /// The triage view (cycled with `v`).
    public var view: ConversationView = .open
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
    /// System lines of this conversation (identity changes, merges, notes, triage), oldest first.
    public var system: [TimelineEntry] = []
    /// Other operators composing here now.
    public var composing: [String] = []

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
    /// Lines scrolled from the top.
    public var scroll = 0
    /// Phone continuity in words, per portfolio, for the contact shown.
    public var continuity: [String] = []
    public var continuityContactID: Int64?
}

/// The reply being written.
public struct ComposeState: Sendable, Hashable {
    public var conversation: Conversation?
    public var editor = LineEditor()
    public var preview: ReplyPreview?
    /// A refusal from the last send attempt.
    public var refusal: ReplyRefusal?
    /// When this operator's "composing" row was last written.
    public var presenceAt: Double?
    /// Compose asks for the customer's phone (`p`): the text is the ask, optional.
    public var asksPhone = false

    public init(conversation: Conversation? = nil, text: String = "", preview: ReplyPreview? = nil, refusal: ReplyRefusal? = nil) {
        self.conversation = conversation
        editor = LineEditor(text)
        self.preview = preview
        self.refusal = refusal
    }

    /// The draft (setting it puts the cursor at its end).
    public var text: String {
        get { editor.text }
        set { editor = LineEditor(newValue) }
    }
}

/// Global search: the query being typed and the results.
public struct SearchState: Sendable, Hashable {
    public var query = ""
    public var results: [SearchHit] = []
    public var selectedIndex = 0
    public var ranQuery: String?
    /// Conversations matching by name, username, phone or BSUID (listed before the messages).
    public var conversations: [Conversation] = []
    /// After a jump: the query whose matches are highlighted and stepped through with `n`/`N`.
    public var active: String?
}

/// A triage question on the bottom line, bound to the conversation it was asked for.
public struct PromptState: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `z`: 1–4 pick a time, `t` types one.
        case snoozeChoice
        case snoozeTime
        case assignTo
        case note
    }

    public var kind: Kind
    public var conversation: Conversation
    public var text = ""

    public init(kind: Kind, conversation: Conversation, text: String = "") {
        self.kind = kind
        self.conversation = conversation
        self.text = text
    }
}

/// The message whose details are shown, and its delivery history once read.
public struct MessageDetailsState: Sendable, Hashable {
    public var messageID: Int64?
    public var history: [DeliveryEvent] = []
}

/// The help overlay's scroll position.
public struct HelpState: Sendable, Hashable {
    public var scroll = 0
}

/// The status bar.
public struct StatusState: Sendable, Hashable {
    public var storeName: String
    public var counts = InboxCounts()
    public var lastError: String?
    /// A one-off notice (export done, sent).
    public var notice: String?
    /// Counts have been read once (later increases are news: bell, title).
    public var countsKnown = false
    /// When the notice and the error appeared (they expire).
    public var noticeAt: Double?
    public var errorAt: Double?

    /// How long a notice and an error stay on the status bar.
    public static let noticeLifetime = 6.0
    public static let errorLifetime = 20.0

    public init(storeName: String) {
        self.storeName = storeName
    }
}
