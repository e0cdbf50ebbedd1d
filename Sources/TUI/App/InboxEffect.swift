public import Store

/// Work the update asks for: store reads and writes, sends, the editor. The runtime performs
/// them and answers with events, so the update itself stays pure and testable.
public enum InboxEffect: Sendable, Hashable {
    case loadList(ListRequest)
    case loadCounts
    case loadMessages(MessageRequest)
    case loadIdentity(contactID: Int64)
    case planReply(conversation: Conversation)
    case planPhoneRequest(conversation: Conversation)
    case sendPhoneRequest(conversation: Conversation, text: String)
    case markRead(conversationID: Int64)
    /// An operator change (resolve, assign…) to one conversation.
    case change(conversationID: Int64, ConversationChange)
    case loadDraft(conversationID: Int64)
    case saveDraft(conversationID: Int64, text: String)
    case send(conversation: Conversation, text: String)
    case sendTemplate(conversation: Conversation, name: String, parameters: [String])
    case loadTemplates(conversation: Conversation)
    case loadContinuity(conversation: Conversation)
    case previewTemplate(conversation: Conversation, name: String, parameters: [String])
    /// Another channel of the same contact whose plan works (Tab in compose).
    case retarget(conversation: Conversation)
    case search(String)
    /// The system lines (timeline) of a conversation's contact.
    case loadTimeline(contactID: Int64, conversationID: Int64)
    /// Who else is composing in a conversation.
    case loadPresence(conversationID: Int64)
    /// Says (or stops saying) that this operator composes in a conversation.
    case setPresence(conversationID: Int64, composing: Bool)
    case loadDeliveryHistory(messageID: Int64)
    /// Puts text on the terminal's clipboard (OSC 52).
    case copy(String)
    /// New inbound messages: the bell (when on) and the title with the unread count.
    case alert(unread: Int, ring: Bool)
    case openEditor(conversationID: Int64, text: String)
    case export(path: String)
    case quit
}

/// Which window of the conversation list to read, and where the selection goes after.
public struct ListRequest: Sendable, Hashable {
    public enum Move: Sendable, Hashable {
        case top
        case bottom
        /// Re-read the window starting at this row (live updates, filter changes).
        case reload(top: ConversationKey?)
        /// Move the window down/up by `rows` from the row currently at its top.
        case scrollDown(from: ConversationKey, rows: Int)
        case scrollUp(from: ConversationKey, rows: Int)
        /// A window showing this conversation (search jumps).
        case showing(conversationID: Int64)
        /// A window showing the next (or previous) unread conversation after this one.
        case unread(from: ConversationKey, forward: Bool)
    }

    public enum Selection: Sendable, Hashable {
        case index(Int)
        case last
        /// The row `offset` rows after the one with this id (before, if negative).
        case relative(to: Int64, offset: Int)
        /// This conversation if still in the window, else the row at `fallback`.
        case id(Int64, fallback: Int)
    }

    public var move: Move
    public var rows: Int
    public var view: ConversationView
    public var unreadOnly: Bool
    public var selection: Selection

    public init(move: Move, rows: Int, view: ConversationView, unreadOnly: Bool, selection: Selection) {
        self.move = move
        self.rows = rows
        self.view = view
        self.unreadOnly = unreadOnly
        self.selection = selection
    }
}

/// Which messages of a conversation to read.
public struct MessageRequest: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case latest
        case older(before: MessageKey)
        case newer(after: MessageKey)
        /// A page ending at this message plus a page after it (search jumps).
        case around(messageID: Int64)
        /// The first page of the history (`g` in the message pane).
        case oldest
    }

    public var conversationID: Int64
    public var kind: Kind
    public var limit: Int

    public init(conversationID: Int64, kind: Kind, limit: Int) {
        self.conversationID = conversationID
        self.kind = kind
        self.limit = limit
    }
}
