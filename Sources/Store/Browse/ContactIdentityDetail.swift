import Identity
import Foundation
public import GRDB

/// Everything the inbox knows about who a contact is: the identity details pane and
/// `switchboard show` read this.
public struct ContactIdentityDetail: Sendable, Hashable {
    public struct Identifier: Sendable, Hashable {
        public var kind: String
        public var value: String
        /// Portfolio (BSUID) or portfolio group (parent BSUID); nil for phones and usernames.
        public var scope: String?
        public var current: Bool
        public var firstSeen: Double
        public var lastSeen: Double
        public var supersededAt: Double?
    }

    public struct Username: Sendable, Hashable {
        public var username: String
        public var current: Bool
        public var firstSeen: Double
    }

    public struct Merge: Sendable, Hashable {
        public var mergedContactID: Int64
        public var reason: String
        public var at: Double
    }

    public struct Conflict: Sendable, Hashable {
        public var otherContactID: Int64?
        public var phone: String
        public var at: Double
    }

    public var contactID: Int64
    public var name: String?
    public var username: String?
    public var country: String?
    public var identifiers: [Identifier]
    public var usernames: [Username]
    public var merges: [Merge]
    public var conflicts: [Conflict]

    /// The current value of a routing identifier kind, preferring `scope` when given.
    public func current(_ kind: String, scope: String? = nil) -> Identifier? {
        let matches = identifiers.filter { $0.kind == kind && $0.current }
        if let scope, let hit = matches.first(where: { $0.scope == scope }) { return hit }
        return matches.first
    }

    public var phone: String? { current("phone")?.value }
    public var hasPhone: Bool { phone != nil }

    /// Identifiers replaced by newer ones (user_changed_number and the like).
    public var superseded: [Identifier] { identifiers.filter { !$0.current } }

    /// Reads the detail of `contactID`; nil when there is no such contact. Identifiers and
    /// usernames come from the same query as `switchboard contacts` and `show`.
    public static func fetch(_ db: Database, contactID: Int64) throws -> ContactIdentityDetail? {
        guard let contact = try ContactQuery.fetch(db, whereSQL: "id = ?", arguments: [contactID]).first else {
            return nil
        }
        let identifiers = contact.identifiers
            .sorted { ($0.current ? 0 : 1, $0.kind.rawValue, $0.firstSeen) < ($1.current ? 0 : 1, $1.kind.rawValue, $1.firstSeen) }
            .map { id in
                Identifier(kind: id.kind.rawValue, value: id.value, scope: id.scope, current: id.current,
                           firstSeen: id.firstSeen.timeIntervalSince1970, lastSeen: id.lastSeen.timeIntervalSince1970,
                           supersededAt: id.supersededAt?.timeIntervalSince1970)
            }
        let usernames = contact.usernames.sorted { $0.firstSeen < $1.firstSeen }.map {
            Username(username: $0.username, current: $0.current, firstSeen: $0.firstSeen.timeIntervalSince1970)
        }
        let merges = try Row.fetchAll(db, sql: """
            SELECT merged_id, reason, at FROM merge_log WHERE survivor_id = ? ORDER BY at, id
            """, arguments: [contactID]).map { Merge(mergedContactID: $0[0], reason: $0[1], at: $0[2]) }
        let conflicts = try Row.fetchAll(db, sql: """
            SELECT other_contact_id, phone, at FROM identity_conflict
            WHERE contact_id = ? OR other_contact_id = ? ORDER BY at, id
            """, arguments: [contactID, contactID]).map { Conflict(otherContactID: $0[0], phone: $0[1], at: $0[2]) }
        return ContactIdentityDetail(
            contactID: contact.id, name: contact.name, username: contact.username, country: contact.country,
            identifiers: identifiers, usernames: usernames, merges: merges, conflicts: conflicts)
    }
}
