public import Identity
import Webhooks

/// Turns a reply plan into the exact HTTP request of the channel's provider.
public enum ProviderRequestBuilder {
    /// Builds the request. `token` is the value of the channel's `token_env` variable; without
    /// one the request carries no auth header (dry runs, the local sandbox).
    public static func request(for plan: ReplyPlan, message: OutgoingMessage, token: String?) throws(RequestError)
        -> ProviderRequest {
        let shape = shape(for: plan.channel.provider)
        return ProviderRequest(
            url: try shape.url(for: plan.channel, message: message),
            headers: headers(provider: plan.channel.provider, token: token),
            body: try shape.body(plan: plan, message: message))
    }

    /// The token for `channel` from `environment` (nil when the channel names no variable).
    /// Throws when `token_env` is set but the variable is missing or empty.
    public static func token(for channel: Channel, environment: [String: String]) throws(RequestError) -> String? {
        guard let variable = channel.tokenEnv, !variable.isEmpty else { return nil }
        guard let token = environment[variable], !token.isEmpty else {
            throw .missingToken(channel: channel.name, variable: variable)
        }
        return token
    }

    static func shape(for provider: ProviderKind) -> any ProviderRequestShape.Type {
        switch provider {
        case .meta: MetaRequest.self
        case .sinch: SinchRequest.self
        case .azure: AzureRequest.self
        case .connectly: ConnectlyRequest.self
        case .kapso: KapsoRequest.self
        case .webex: WebexRequest.self
        }
    }
}
