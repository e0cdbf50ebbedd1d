import Identity
import JSON
import Webhooks

/// How one provider's send API wants a reply: URL, auth header and JSON body (SPEC §3).
protocol ProviderRequestShape {
    /// Where the message goes; `template_url` applies to templates where the provider has one.
    static func url(for channel: Channel, message: OutgoingMessage) throws(RequestError) -> String
    /// The auth header carrying the token from `token_env`.
    static func authHeader(token: String) -> HTTPHeaderField
    /// The JSON body addressing `plan.identifier` in the provider's field for its kind.
    static func body(plan: ReplyPlan, message: OutgoingMessage) throws(RequestError) -> JSONValue
}

extension ProviderRequestShape {
    /// The channel's `send_url`, required for providers without a well-known endpoint.
    static func configuredSendURL(_ channel: Channel) throws(RequestError) -> String {
        guard let url = channel.sendURL, !url.isEmpty else {
            throw .missingURL(channel: channel.name, field: "send_url")
        }
        return url
    }

    static func requiredID(_ channel: Channel) throws(RequestError) -> String {
        guard let id = channel.id, !id.isEmpty else { throw .missingChannelID(channel: channel.name) }
        return id
    }
}

extension Identifier {
    /// A phone in E.164 display form (`+15551234567`); other kinds unchanged.
    var plusPhone: String { kind == .phone ? "+" + value : value }
}
