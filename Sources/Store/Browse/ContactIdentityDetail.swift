import GRDB

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

    /// Reads the detail of `contactID`; nil when there is no such contact.
    public static func fetch(_ db: Database, contactID: Int64) throws -> ContactIdentityDetail? {
        guard let contact = try Row.fetchOne(db, sql: "SELECT id, name, username, country FROM contact WHERE id = ?", arguments: [contactID]) else {
            return nil
        }
        let identifiers = try Row.fetchAll(db, sql: """
            SELECT kind, value, scope, current, first_seen, last_seen, superseded_at
            FROM identifier WHERE contact_id = ? ORDER BY current DESC, kind, first_seen
            """, arguments: [contactID]).map { row -> Identifier in
            let scope: String = row[2]
            return Identifier(
                kind: row[0], value: row[1], scope: scope.isEmpty ? nil : scope, current: row[3],
                firstSeen: row[4], lastSeen: row[5], supersededAt: row[6])
        }
        let usernames = try Row.fetchAll(db, sql: """
            SELECT username, current, first_seen FROM contact_username WHERE contact_id = ? ORDER BY first_seen
            """, arguments: [contactID]).map { Username(username: $0[0], current: $0[1], firstSeen: $0[2]) }
        let merges = try Row.fetchAll(db, sql: """
            SELECT merged_id, reason, at FROM merge_log WHERE survivor_id = ? ORDER BY at, id
            """, arguments: [contactID]).map { Merge(mergedContactID: $0[0], reason: $0[1], at: $0[2]) }
        let conflicts = try Row.fetchAll(db, sql: """
            SELECT other_contact_id, phone, at FROM identity_conflict
            WHERE contact_id = ? OR other_contact_id = ? ORDER BY at, id
            """, arguments: [contactID, contactID]).map { Conflict(otherContactID: $0[0], phone: $0[1], at: $0[2]) }
        return ContactIdentityDetail(
            contactID: contact[0], name: contact[1], username: contact[2], country: contact[3],
            identifiers: identifiers, usernames: usernames, merges: merges, conflicts: conflicts)
    }
}
