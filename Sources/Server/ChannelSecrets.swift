import Config
import Identity

/// The secrets of the configured channels, read once from the environment variables the
/// config names (secrets never live in the config file). Never logged.
struct ChannelSecrets: Sendable {
    /// What one channel's webhook secret setting resolves to.
    enum WebhookSecret: Sendable {
        /// The channel has no `webhook_secret_env` and says `allow_unsigned = true`: requests
        /// are not signature-checked (local testing).
        case unsignedAllowed
        /// The channel has no `webhook_secret_env` and does not allow unsigned webhooks: every
        /// request is refused, so an unsigned sender can never move an identity.
        case notConfigured
        case secret(String)
        /// `webhook_secret_env` names a variable that is unset or empty: the channel fails
        /// closed (every request 401) rather than silently accepting unsigned webhooks.
        case unavailable(variable: String)
    }

    private var webhookSecrets: [String: WebhookSecret] = [:]
    private var verifyTokens: [String: String] = [:]
    /// One line per channel whose secret variable is missing, for a warning at start.
    private(set) var problems: [String] = []

    init(channels: [Channel], environment: [String: String]) {
        for channel in channels {
            if let variable = channel.webhookSecretEnv, !variable.isEmpty {
                if let value = environment[variable], !value.isEmpty {
                    webhookSecrets[channel.name] = .secret(value)
                } else {
                    webhookSecrets[channel.name] = .unavailable(variable: variable)
                }
            } else if channel.allowUnsigned {
                webhookSecrets[channel.name] = .unsignedAllowed
            }
            if let variable = channel.verifyTokenEnv, let value = environment[variable], !value.isEmpty {
                verifyTokens[channel.name] = value
            }
            problems += ConfigCheck.receiverFindings(channel, environment: environment).map(\.text)
        }
    }

    func webhookSecret(of channel: Channel) -> WebhookSecret {
        webhookSecrets[channel.name] ?? .notConfigured
    }

    /// Whether the channel checks signatures: every channel but an `allow_unsigned` one.
    func requiresSignature(_ channel: Channel) -> Bool {
        if case .unsignedAllowed = webhookSecret(of: channel) { return false }
        return true
    }

    func verifyToken(of channel: Channel) -> String? { verifyTokens[channel.name] }
}
