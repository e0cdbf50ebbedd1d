import Identity
import JSON
import Webhooks

/// Kapso proxies Meta's Cloud API: same body, Kapso's URL and `X-API-Key`. A BSUID goes in
/// `recipient`, which Kapso takes only when the channel enables `bsuid_sending` (the planner
/// refuses otherwise).
enum KapsoRequest: ProviderRequestShape {
    static func url(for channel: Channel, message: OutgoingMessage) throws(RequestError) -> String {
        if let url = channel.sendURL, !url.isEmpty { return url }
        return "https://api.kapso.ai/meta/whatsapp/\(MetaRequest.graphVersion)/\(try requiredID(channel))/messages"
    }

    static func authHeader(token: String) -> HTTPHeaderField {
        HTTPHeaderField("X-API-Key", token)
    }

    static func body(plan: ReplyPlan, message: OutgoingMessage) -> JSONValue {
        MetaRequest.body(plan: plan, message: message)
    }
}
