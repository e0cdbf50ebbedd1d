/// How a reply will be sent: to which identifier, on which channel, and why that identifier.
public struct ReplyPlan: Sendable, Hashable {
    public var channel: Channel
    /// The identifier the provider request addresses (phone digits, BSUID or parent BSUID).
    public var identifier: Identifier
    public var kind: MessageKind
    /// One line for the operator, e.g. "phone not shared; replying by BSUID".
    public var reason: String

    public init(channel: Channel, identifier: Identifier, kind: MessageKind, reason: String) {
        self.channel = channel
        self.identifier = identifier
        self.kind = kind
        self.reason = reason
    }
}

/// The outcome of planning a reply: a plan, or a refusal.
public enum ReplyDecision: Sendable, Hashable {
    case plan(ReplyPlan)
    case refusal(Refusal)

    public var plan: ReplyPlan? {
        if case .plan(let plan) = self { return plan }
        return nil
    }

    public var refusal: Refusal? {
        if case .refusal(let refusal) = self { return refusal }
        return nil
    }

    /// The channel name the decision is about.
    public var channelName: String {
        switch self {
        case .plan(let plan): plan.channel.name
        case .refusal(let refusal): refusal.channel
        }
    }
}
