public import Identity

/// A planned reply with the exact request that sends it: what `--dry-run` shows.
public struct PreparedReply: Sendable, Hashable {
    public var plan: ReplyPlan
    public var message: OutgoingMessage
    public var request: ProviderRequest

    public init(plan: ReplyPlan, message: OutgoingMessage, request: ProviderRequest) {
        self.plan = plan
        self.message = message
        self.request = request
    }
}

/// Either a reply ready to send, or the planner's refusal.
public enum ReplyPreparation: Sendable, Hashable {
    case ready(PreparedReply)
    case refused(Refusal)
}
