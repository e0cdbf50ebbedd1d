public import struct Foundation.Date

/// What the store knows about a contact when a reply is planned: its current identifiers
/// (each BSUID with its portfolio, each parent BSUID with its group) and, per channel name,
/// when the customer last wrote to that business number.
public struct ReplyContext: Sendable, Hashable {
    /// Current (not superseded) identifiers of the contact. Usernames are ignored: never a key.
    public var identifiers: [ScopedIdentifier]
    /// Last inbound message time per channel name; a missing channel means the customer
    /// never wrote to that number, so its service window is closed.
    public var lastInboundAt: [String: Date]
    /// Channel names on which the customer stopped marketing messages (and has not resumed).
    public var marketingStopped: Set<String>

    public init(identifiers: [ScopedIdentifier], lastInboundAt: [String: Date] = [:], marketingStopped: Set<String> = []) {
        self.identifiers = identifiers
        self.lastInboundAt = lastInboundAt
        self.marketingStopped = marketingStopped
    }

    /// The first current phone, if any: phones work from every business number.
    public var phone: Identifier? {
        identifiers.first { $0.kind == .phone }?.identifier
    }

    /// The BSUID valid for `channel`: one recorded in the channel's portfolio.
    public func bsuid(for channel: Channel) -> Identifier? {
        identifiers.first { $0.kind == .bsuid && $0.scope == channel.portfolio }?.identifier
    }

    /// The parent BSUID valid for `channel`: one recorded in the channel's portfolio group.
    public func parentBSUID(for channel: Channel) -> Identifier? {
        identifiers.first { $0.kind == .parentBSUID && $0.scope == channel.parentScope }?.identifier
    }

    /// Whether any phone, BSUID or parent BSUID is known, whatever its scope.
    public var hasRoutingIdentifier: Bool {
        identifiers.contains { $0.kind != .username }
    }

    /// Scopes of BSUIDs and parent BSUIDs known for the contact, for refusal messages.
    var knownScopes: [String] {
        var seen: Set<String> = []
        return identifiers.compactMap { id in
            guard id.kind == .bsuid || id.kind == .parentBSUID, let scope = id.scope else { return nil }
            return seen.insert(scope).inserted ? scope : nil
        }
    }
}
