public import Foundation
public import Identity

/// A contact with every identifier it ever had.
public struct Contact: Sendable, Hashable {
    public var id: ContactID
    public var name: String?
    public var username: String?
    public var country: String?
    public var identifiers: [ContactIdentifier]
    /// Usernames, latest first.
    public var usernames: [ContactUsername]
    /// Marketing preference per business number (channel name), where known.
    public var marketing: [String: MarketingState] = [:]

    public init(id: ContactID, name: String? = nil, username: String? = nil, country: String? = nil,
                identifiers: [ContactIdentifier] = [], usernames: [ContactUsername] = []) {
        self.id = id
        self.name = name
        self.username = username
        self.country = country
        self.identifiers = identifiers
        self.usernames = usernames
    }

    /// Current phone, if one is known.
    public var phone: String? { current(.phone).first?.value }
    /// Most recently seen current BSUID (one per portfolio).
    public var bsuid: String? { current(.bsuid).first?.value }
    public var parentBSUID: String? { current(.parentBSUID).first?.value }
    public var identitySource: IdentitySource { IdentitySource(hasPhone: phone != nil) }

    /// Current identifiers of a kind, most recently first seen first.
    public func current(_ kind: IdentifierKind) -> [ContactIdentifier] {
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
public struct ContactIdentifier: Sendable, Hashable {
    public init(kind: IdentifierKind, value: String, scope: String?, current: Bool, firstSeen: Date, lastSeen: Date,
                supersededAt: Date? = nil) {
        self.kind = kind
        self.value = value
        self.scope = scope
        self.current = current
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.supersededAt = supersededAt
    }

    public var kind: IdentifierKind
    public var value: String
    public var scope: String?
    public var current: Bool
    public var firstSeen: Date
    public var lastSeen: Date
    public var supersededAt: Date?
}

extension Contact {
    /// Identifiers for display: current first, then by kind and age.
    public var identifiersForDisplay: [ContactIdentifier] {
        identifiers.sorted {
            ($0.current ? 0 : 1, $0.kind.rawValue, $0.firstSeen) < ($1.current ? 0 : 1, $1.kind.rawValue, $1.firstSeen)
        }
    }

    /// Identifiers replaced by newer ones (user_changed_number and the like).
    public var superseded: [ContactIdentifier] { identifiers.filter { !$0.current } }

    /// The current value of a routing identifier kind, preferring `scope` when given.
    public func current(_ kind: IdentifierKind, scope: String?) -> ContactIdentifier? {
        let matches = current(kind)
        if let scope, let hit = matches.first(where: { $0.scope == scope }) { return hit }
        return matches.first
    }
}

public struct ContactUsername: Sendable, Hashable {
    public init(username: String, current: Bool, firstSeen: Date) {
        self.username = username
        self.current = current
        self.firstSeen = firstSeen
    }

    public var username: String
    public var current: Bool
    public var firstSeen: Date
}

/// An entry of the append-only merge log.
public struct MergeRecord: Sendable, Hashable {
    public init(survivor: ContactID, merged: ContactID, reason: String, at: Date) {
        self.survivor = survivor
        self.merged = merged
        self.reason = reason
        self.at = at
    }

    public var survivor: ContactID
    public var merged: ContactID
    public var reason: String
    public var at: Date
}

/// A phone that was not merged automatically because the contact already has another.
public struct ConflictRecord: Sendable, Hashable {
    public init(contact: ContactID, otherContact: ContactID?, phone: String, at: Date) {
        self.contact = contact
        self.otherContact = otherContact
        self.phone = phone
        self.at = at
    }

    public var contact: ContactID
    public var otherContact: ContactID?
    public var phone: String
    public var at: Date
}
