public import Foundation
public import Identity

/// Plans a reply and builds its provider request in one step (CLI, TUI, `show`).
public enum ReplyPreparer {
    /// Plans `message` for the contact on `channel` at `now`, then builds the request.
    /// `token` is the value of the channel's `token_env` (nil for dry runs and the sandbox).
    /// Throws only for configuration problems (missing URL or channel id).
    public static func prepare(
        context: ReplyContext, channel: Channel, message: OutgoingMessage, now: Date, token: String? = nil
    ) throws(RequestError) -> ReplyPreparation {
        switch ReplyPlanner.plan(context: context, channel: channel, kind: message.kind, now: now) {
        case .refusal(let refusal):
            return .refused(refusal)
        case .plan(let plan):
            // Outside the window the planner turned a phone request into its template.
            var message = message
            if case .requestPhone(_, let template?) = message, case .template = plan.kind { message = .template(template) }
            let request = try ProviderRequestBuilder.request(for: plan, message: message, token: token)
            return .ready(PreparedReply(plan: plan, message: message, request: request))
        }
    }
}
