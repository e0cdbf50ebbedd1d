/// A classified identifier value: the kind decides how it may be used.
public struct Identifier: Sendable, Hashable, Codable, CustomStringConvertible {
    public let kind: IdentifierKind
    public let value: String

    public init(kind: IdentifierKind, value: String) {
        self.kind = kind
        self.value = value
    }

    public var description: String { "\(kind.rawValue):\(value)" }

    /// The ISO 3166 country prefix of a BSUID or parent BSUID (`US` for `US.1349…`).
    public var countryCode: String? {
        guard kind == .bsuid || kind == .parentBSUID else { return nil }
        return String(value.prefix(2))
    }
}

/// An identifier together with the scope it is valid in: the portfolio for a BSUID, the
/// portfolio group for a parent BSUID, none for phones and usernames.
public struct ScopedIdentifier: Sendable, Hashable, Codable, CustomStringConvertible {
    public let identifier: Identifier
    public let scope: String?

    public init(_ identifier: Identifier, scope: String?) {
        self.identifier = identifier
        self.scope = identifier.kind == .phone || identifier.kind == .username ? nil : scope
    }

    public init(kind: IdentifierKind, value: String, scope: String?) {
        self.init(Identifier(kind: kind, value: value), scope: scope)
    }

    public var kind: IdentifierKind { identifier.kind }
    public var value: String { identifier.value }

    public var description: String {
        scope.map { "\(identifier)@\($0)" } ?? identifier.description
    }
}
