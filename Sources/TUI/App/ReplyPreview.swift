/// The identifier a reply would go to, and why: what the compose line shows before anything
/// is sent and what the identity pane states. Filled from `Outbound`'s reply plan.
public struct ReplyRoute: Sendable, Hashable {
    public var identifierKind: String
    public var identifierValue: String
    /// Why this identifier (`phone not shared`, `phone known`…).
    public var reason: String
    public var channel: String
    public var provider: String

    public init(identifierKind: String, identifierValue: String, reason: String, channel: String, provider: String) {
        self.identifierKind = identifierKind
        self.identifierValue = identifierValue
        self.reason = reason
        self.channel = channel
        self.provider = provider
    }

    /// `to US.1349… (BSUID, phone not shared) via support/meta`.
    public var summary: String {
        "to \(identifierValue) (\(kindLabel), \(reason)) via \(channel)/\(provider)"
    }

    public var kindLabel: String {
        switch identifierKind {
        case "phone": "phone"
        case "bsuid": "BSUID"
        case "parent_bsuid": "parent BSUID"
        default: identifierKind
        }
    }
}

/// Why a reply cannot be sent (SPEC §3 refusal codes), and what still can be.
public struct ReplyRefusal: Sendable, Hashable {
    public var code: String
    public var message: String
    /// Configured templates the operator may send instead (closed service window).
    public var templates: [String]

    public init(code: String, message: String, templates: [String] = []) {
        self.code = code
        self.message = message
        self.templates = templates
    }
}

/// The outcome of planning a reply to a conversation.
public enum ReplyPreview: Sendable, Hashable {
    case ready(ReplyRoute)
    case refused(ReplyRefusal)
    /// No reply planner is wired in (the TUI still browses).
    case unavailable(String)

    public var route: ReplyRoute? {
        if case .ready(let route) = self { route } else { nil }
    }
}

/// What came of a send.
public enum SendOutcome: Sendable, Hashable {
    /// Handed to the provider (or queued in the outbox); the store holds the pending message.
    case accepted(providerMessageID: String?)
    case refused(ReplyRefusal)
    case failed(String)
}
