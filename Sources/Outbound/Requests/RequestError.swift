/// Why a planned reply could not be turned into an HTTP request.
public enum RequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The channel has no `send_url` (or `template_url`) and the provider has no default.
    case missingURL(channel: String, field: String)
    /// The provider needs the channel's `id` (Meta phone_number_id, ACS channel registration id).
    case missingChannelID(channel: String)
    /// `token_env` names a variable that is not set.
    case missingToken(channel: String, variable: String)

    public var description: String {
        switch self {
        case .missingURL(let channel, let field):
            "channel \(channel) has no \(field) in the configuration"
        case .missingChannelID(let channel):
            "channel \(channel) has no id (the provider's id for the number) in the configuration"
        case .missingToken(let channel, let variable):
            "environment variable \(variable) (token_env of channel \(channel)) is not set"
        }
    }
}
