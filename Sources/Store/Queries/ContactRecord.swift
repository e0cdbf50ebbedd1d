public import Foundation
public import Identity

/// A contact with every identifier it ever had.
public struct ContactRecord: Sendable, Hashable {
    public var id: ContactID
    public var name: String?
    public var username: String?
    public var country: String?
    public var identifiers: [IdentifierRecord]
    /// Usernames, latest first.
    public var usernames: [UsernameRecord]

    /// Current phone, if one is known.
    public var phone: String? { current(.phone).first?.value }
    /// Most recently seen current BSUID (one per portfolio).
    public var bsuid: String? { current(.bsuid).first?.value }
    public var parentBSUID: String? { current(.parentBSUID).first?.value }
    public var identitySource: IdentitySource { IdentitySource(hasPhone: phone != nil) }

    /// Current identifiers of a kind, most recently first seen first.
    public func current(_ kind: IdentifierKind) -> [IdentifierRecord] {
        identifiers.filter { $0.kind == kind && $0.current }.sorted { $0.firstSeen > $1.firstSeen }
    }

    /// Current routing identifiers with their scopes (input to reply planning).
    public var currentScoped: [ScopedIdentifier] {
        identifiers.filter { $0.current && $0.kind != .username }
            .map { ScopedIdentifier(kind: $0.kind, value: $0.value, scope: $0.scope) }
    }

    /// Name for lists: the name, else the username, else the best identifier.
    public var displayName: String {
        name ?? username ?? phone.map { "+" + $0 } ?? bsuid ?? parentBSUID ?? "contact \(id)"
    }
}

/// One identifier of a contact, with its history.
public struct IdentifierRecord: Sendable, Hashable {
    public var kind: IdentifierKind
    public var value: String
    public var scope: String?
    public var current: Bool
    public var firstSeen: Date
    public var lastSeen: Date
    public var supersededAt: Date?
}

public struct UsernameRecord: Sendable, Hashable {
    public var username: String
    public var current: Bool
    public var firstSeen: Date
}

/// An entry of the append-only merge log.
public struct MergeRecord: Sendable, Hashable {
    public var survivor: ContactID
    public var merged: ContactID
    public var reason: String
    public var at: Date
}

/// A phone that was not merged automatically because the contact already has another.
public struct ConflictRecord: Sendable, Hashable {
    public var contact: ContactID
    public var otherContact: ContactID?
    public var phone: String
    public var at: Date
}
