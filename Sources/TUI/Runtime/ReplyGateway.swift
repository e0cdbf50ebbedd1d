public import Store

/// Reply planning and sending as the inbox needs them. The command layer implements it on
/// top of `Outbound` (planner, outbox, senders); tests use a stub.
public protocol ReplyGateway: Sendable {
    /// The plan for a free-form text reply in this conversation, or why there is none.
    func preview(for conversation: Conversation, now: Double) -> ReplyPreview
    /// Sends a text reply. The gateway stores the outbound message (pending) before it
    /// returns, so the history shows it and later status webhooks move it along.
    func send(_ text: String, to conversation: Conversation, now: Double) async -> SendOutcome
    /// The configured templates, each with whether it may go to this conversation.
    func templates(for conversation: Conversation, now: Double) -> [TemplateChoice]
    /// The exact request a template send would make, or why it would be refused.
    func previewTemplate(_ name: String, parameters: [String], to conversation: Conversation, now: Double) -> TemplatePreview
    /// The plan for asking the customer to share their phone, or why not.
    func previewPhoneRequest(for conversation: Conversation, now: Double) -> ReplyPreview
    /// Asks for the phone (the ask text, or the default one when empty).
    func sendPhoneRequest(_ text: String, to conversation: Conversation, now: Double) async -> SendOutcome
    /// In words, per portfolio: whether the customer's phone will keep arriving (phone continuity).
    func continuity(for conversation: Conversation, now: Double) -> [String]
    /// Sends a configured template with its body parameters.
    func sendTemplate(_ name: String, parameters: [String], to conversation: Conversation, now: Double) async -> SendOutcome
}

/// Everything the runtime needs from outside: the store, replies, the clock.
public struct InboxEnvironment: Sendable {
    public var store: any InboxStore
    public var replies: (any ReplyGateway)?
    /// Writes every message to a file (`:export PATH`); returns how many.
    public var export: (@Sendable (String) throws -> Int)?
    /// Current Unix time (fixed when SWITCHBOARD_NOW is set).
    public var clock: @Sendable () -> Double
    /// `$VISUAL` / `$EDITOR` command line for long replies.
    public var editor: String?
    /// Who is at the keyboard (recorded with resolves and assignments).
    public var operatorName: String?
    /// Ring the bell on new inbound messages (config `bell`).
    public var bell = true
    /// More than one channel is configured: list rows name theirs.
    public var showsChannels = false
    /// No config file exists yet: where it goes (the first-run screen says so).
    public var missingConfigPath: String?

    public init(
        store: any InboxStore, replies: (any ReplyGateway)? = nil,
        export: (@Sendable (String) throws -> Int)? = nil,
        clock: @escaping @Sendable () -> Double, editor: String? = nil, operatorName: String? = nil
    ) {
        self.operatorName = operatorName
        self.store = store
        self.replies = replies
        self.export = export
        self.clock = clock
        self.editor = editor
    }
}
