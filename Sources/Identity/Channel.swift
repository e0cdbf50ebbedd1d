/// One business number as configured (`[[channel]]` in config.toml, SPEC §5).
public struct Channel: Sendable, Hashable, Codable {
    public var name: String
    public var provider: ProviderKind
    /// Display phone number of the business, digits only.
    public var number: String?
    /// The provider's id for the number (Meta `phone_number_id`, ACS channel registration id…).
    public var id: String?
    /// Business portfolio owning the number: the scope of BSUIDs seen through it.
    public var portfolio: String
    /// Linked portfolios sharing parent BSUIDs; parent BSUIDs are scoped to it.
    public var parentGroup: String?
    public var sendURL: String?
    public var templateURL: String?
    public var tokenEnv: String?
    public var webhookSecretEnv: String?
    public var verifyTokenEnv: String?
    public var bsuidSending: Bool
    /// The receiver accepts this channel's webhooks without a signature (`allow_unsigned =
    /// true`, for local testing only). Without it, a channel with no webhook secret is refused.
    public var allowUnsigned: Bool
    /// Which of the provider's APIs the channel uses where it has several (`api = …`): on
    /// sinch, `conversation` (the Conversation API) or the LATAM Messaging API (nil).
    public var api: String?

    public init(
        name: String, provider: ProviderKind, number: String? = nil, id: String? = nil,
        portfolio: String, parentGroup: String? = nil, sendURL: String? = nil,
        templateURL: String? = nil, tokenEnv: String? = nil, webhookSecretEnv: String? = nil,
        verifyTokenEnv: String? = nil, bsuidSending: Bool? = nil, allowUnsigned: Bool = false, api: String? = nil
    ) {
        self.name = name
        self.provider = provider
        self.number = number
        self.id = id
        self.portfolio = portfolio
        self.parentGroup = parentGroup
        self.sendURL = sendURL
        self.templateURL = templateURL
        self.tokenEnv = tokenEnv
        self.webhookSecretEnv = webhookSecretEnv
        self.verifyTokenEnv = verifyTokenEnv
        self.bsuidSending = bsuidSending ?? provider.defaultBSUIDSending
        self.allowUnsigned = allowUnsigned
        self.api = api
    }

    /// A Sinch channel on the Conversation API (`api = "conversation"`).
    public var usesSinchConversationAPI: Bool { provider == .sinch && api == "conversation" }

    /// Whether this channel's webhooks are signed (it has a webhook secret). What arrives through
    /// an unsigned channel may not move identifiers learned through a signed one (SPEC §6).
    public var isSigned: Bool { webhookSecretEnv != nil }

    /// Scope for parent BSUIDs: the configured group, else the portfolio alone.
    public var parentScope: String { parentGroup ?? portfolio }

    /// The scope an identifier of `kind` seen through this channel belongs to.
    public func scope(for kind: IdentifierKind) -> String? {
        switch kind {
        case .bsuid: portfolio
        case .parentBSUID: parentScope
        case .phone, .username: nil
        }
    }

    /// Scopes an identifier seen through this channel.
    public func scoped(_ identifier: Identifier) -> ScopedIdentifier {
        ScopedIdentifier(identifier, scope: scope(for: identifier.kind))
    }
}

/// How a webhook names the business number it arrived on; matched against configured channels.
public struct ChannelAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public var provider: ProviderKind
    public var number: String?
    public var id: String?

    public init(provider: ProviderKind, number: String? = nil, id: String? = nil) {
        self.provider = provider
        self.number = number.map { $0.filter(\.isNumber) }.flatMap { $0.isEmpty ? nil : $0 }
        self.id = id.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var description: String {
        [number.map { "number \($0)" }, id.map { "id \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
}

/// The configured channels, matched against webhook addresses.
public struct ChannelDirectory: Sendable {
    public let channels: [Channel]

    public init(_ channels: [Channel]) { self.channels = channels }

    public func named(_ name: String) -> Channel? { channels.first { $0.name == name } }

    /// The one routing rule, shared by the store and the receiver's signature check: the
    /// channel named by the route (or `--channel`) when configured, else the one the payload's number or id
    /// addresses — same provider first, then any (a raw Meta payload forwarded by Kapso).
    public func route(_ address: ChannelAddress, named name: String? = nil) -> Channel? {
        if let name, let channel = named(name) { return channel }
        return match(address) ?? match(address, anyProvider: true)
    }

    /// The channel a webhook addresses: by provider id first, then by display number.
    /// The provider must agree unless `anyProvider` (a raw Meta payload forwarded by Kapso).
    public func match(_ address: ChannelAddress, anyProvider: Bool = false) -> Channel? {
        let candidates = channels.filter { anyProvider || $0.provider == address.provider }
        if let id = address.id, let hit = candidates.first(where: { $0.id == id }) { return hit }
        if let number = address.number,
           let hit = candidates.first(where: { $0.number.map { $0.filter(\.isNumber) } == number }) {
            return hit
        }
        return nil
    }
}
