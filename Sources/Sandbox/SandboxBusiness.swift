public import Identity

/// The business number a sandbox route addresses: what the provider's status webhooks
/// name so the receiver can match its channel.
public struct SandboxBusiness: Sendable, Hashable {
    public var provider: ProviderKind
    /// Display number, digits only, when known.
    public var number: String?
    /// The provider's id for the number (Meta phone_number_id, ACS channel registration id).
    public var id: String?
    /// The channel's `api` (`conversation` for Sinch's Conversation API).
    public var api: String?

    public init(provider: ProviderKind, number: String?, id: String?, api: String? = nil) {
        self.provider = provider
        self.number = number
        self.id = id
        self.api = api
    }

    /// The business for the `<key>` segment of a route: a configured channel of that provider
    /// whose id, number or name is `key`; else the key itself stands for the id, and for the
    /// number when it is all digits.
    static func resolve(key: String, provider: ProviderKind, channels: [Channel]) -> SandboxBusiness {
        let candidates = channels.filter { $0.provider == provider }
        if let channel = candidates.first(where: { $0.id == key || $0.number == key || $0.name == key }) {
            return SandboxBusiness(provider: provider, number: channel.number, id: channel.id ?? key, api: channel.api)
        }
        let digits = !key.isEmpty && key.allSatisfy(\.isNumber)
        return SandboxBusiness(provider: provider, number: digits ? key : nil, id: key)
    }
}
