import Foundation
import Identity
import Webhooks

/// Applies contact resolution (`ContactResolver`) to the identity graph tables.
struct ContactWriter {
    let db: any SQLSession
    let rawEventID: Int64?
    let cache: IngestCache

    /// The contact for identifiers seen together, created, extended or merged as needed.
    mutating func resolve(_ customer: CustomerIdentity, on channel: Channel, at time: Double) throws -> ContactID {
        let scoped = customer.identifiers.map(channel.scoped)
        let snapshot = try snapshot(for: scoped)
        let resolution = ContactResolver.resolve(scoped, in: snapshot, sharedPhone: customer.sharedPhone)
        let contact = try apply(resolution, customer: customer, at: time, reason: "identifiers seen together",
                                verified: channel.isSigned)
        try updateProfile(of: contact, from: customer, at: time)
        return contact
    }

    /// Applies an identity change; returns false when it was already applied. A change that
    /// arrived through an unsigned channel and would move an identifier learned through a
    /// signed one is held as an unverified change instead, until an operator approves it.
    mutating func applyChange(_ change: IdentityChange, on channel: Channel) throws -> Bool {
        let time = change.timestamp.timeIntervalSince1970
        let old = change.previous.identifiers.map(channel.scoped)
        let new = change.current.identifiers.map(channel.scoped)
        if !channel.isSigned, try touchesVerified(old + new) {
            let key = "\(channel.name):\(change.kind.rawValue):\(change.id)"
            let approved = try db.value(Bool.self, sql: "SELECT 1 FROM approved_change WHERE change_key = ?", arguments: [key]) ?? false
            if !approved { return try hold(change, key: key, on: channel, old: old) }
        }
        let snapshot = try snapshot(for: old + new)
        let resolution = ContactResolver.resolveChange(from: old, to: new, in: snapshot)
        let before = db.totalChangesCount
        let contact = try apply(resolution, customer: change.current, at: time, reason: change.kind.rawValue,
                                verified: channel.isSigned)
        var profile = change.previous
        profile.absorb(change.current)
        try updateProfile(of: contact, from: profile, at: time)
        cache.clear()
        return db.totalChangesCount != before
    }

    private func touchesVerified(_ identifiers: [ScopedIdentifier]) throws -> Bool {
        for identifier in identifiers {
            let verified = try db.value(Bool.self, sql: """
                SELECT 1 FROM identifier WHERE kind = ? AND value = ? AND scope = ? AND verified = 1
                """, arguments: [identifier.kind.rawValue, identifier.value, identifier.scope ?? ""]) ?? false
            if verified { return true }
        }
        return false
    }

    /// Keeps the change for the operator; returns whether it was new.
    private mutating func hold(_ change: IdentityChange, key: String, on channel: Channel,
                               old: [ScopedIdentifier]) throws -> Bool {
        var contact: ContactID?
        for identifier in old where contact == nil { contact = try holder(of: identifier) }
        try db.run(sql: """
            INSERT INTO unverified_change (contact_id, channel, kind, previous, current, change_key, raw_event_id, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (change_key) DO NOTHING
            """, arguments: [contact, channel.name, change.kind.rawValue,
                             UnverifiedChange.encode(change.previous.identifiers),
                             UnverifiedChange.encode(change.current.identifiers), key, rawEventID ?? 0,
                             change.timestamp.timeIntervalSince1970])
        return db.changesCount > 0
    }

    private mutating func snapshot(for identifiers: [ScopedIdentifier]) throws -> IdentityGraphSnapshot {
        var snapshot = IdentityGraphSnapshot()
        for identifier in identifiers {
            guard let holder = try holder(of: identifier) else { continue }
            snapshot.holders[identifier] = holder
            if snapshot.currentPhones[holder] == nil {
                snapshot.currentPhones[holder] = try currentPhones(of: holder)
            }
        }
        return snapshot
    }

    private mutating func holder(of identifier: ScopedIdentifier) throws -> ContactID? {
        if let cached = cache.holders[identifier] { return cached }
        let found = try db.value(ContactID.self, sql: "SELECT contact_id FROM identifier WHERE kind = ? AND value = ? AND scope = ?",
            arguments: [identifier.kind.rawValue, identifier.value, identifier.scope ?? ""])
        if let found { cache.holders[identifier] = found }
        return found
    }

    private mutating func currentPhones(of contact: ContactID) throws -> Set<String> {
        if let cached = cache.currentPhones[contact] { return cached }
        let phones = Set(try db.values(String.self, sql: "SELECT value FROM identifier WHERE contact_id = ? AND kind = 'phone' AND current = 1",
            arguments: [contact]))
        cache.currentPhones[contact] = phones
        return phones
    }

    private mutating func apply(_ resolution: Resolution, customer: CustomerIdentity, at time: Double,
                                reason: String, verified: Bool) throws -> ContactID {
        let target: ContactID
        switch resolution.target {
        case .existing(let id):
            target = id
        case .new:
            target = try db.insert(
                sql: "INSERT INTO contact (name, username, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [customer.name, customer.username, customer.country, time, time])
            cache.profiles[target] = ContactProfile(name: customer.name, username: customer.username, country: customer.country)
            cache.currentPhones[target] = []
            if let username = customer.username { try recordUsername(username, for: target, at: time) }
        }
        for loser in resolution.merge {
            try ContactMerger(db: db).merge(loser, into: target, reason: reason, rawEventID: rawEventID, at: time)
            cache.clear()
        }
        for identifier in resolution.supersede {
            try db.run(
                sql: "UPDATE identifier SET current = 0, superseded_at = ? WHERE kind = ? AND value = ? AND scope = ? AND current = 1",
                arguments: [time, identifier.kind.rawValue, identifier.value, identifier.scope ?? ""])
            // Never seen before: record it on the target, already superseded.
            try db.run(
                sql: """
                    INSERT INTO identifier (contact_id, kind, value, scope, current, first_seen, last_seen, superseded_at, verified)
                    VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?) ON CONFLICT(kind, value, scope) DO NOTHING
                    """,
                arguments: [target, identifier.kind.rawValue, identifier.value, identifier.scope ?? "", time, time, time, verified])
            cache.holders.removeValue(forKey: identifier)
            if identifier.kind == .phone { cache.currentPhones[target]?.remove(identifier.value) }
        }
        for identifier in resolution.attach {
            try attach(identifier, to: target, at: time, verified: verified)
        }
        for conflict in resolution.conflicts {
            try recordConflict(conflict, contact: target, at: time)
        }
        return target
    }

    /// Attaches an identifier; once seen through a signed channel it stays verified.
    private mutating func attach(_ identifier: ScopedIdentifier, to contact: ContactID, at time: Double,
                                 verified: Bool) throws {
        if identifier.kind == .bsuid || identifier.kind == .parentBSUID {
            // One person has one BSUID per portfolio: a new one replaces the old.
            try db.run(
                sql: """
                    UPDATE identifier SET current = 0, superseded_at = ?
                    WHERE contact_id = ? AND kind = ? AND scope = ? AND value <> ? AND current = 1
                    """,
                arguments: [time, contact, identifier.kind.rawValue, identifier.scope ?? "", identifier.value])
        }
        try db.run(
            sql: """
                INSERT INTO identifier (contact_id, kind, value, scope, current, first_seen, last_seen, verified)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?)
                ON CONFLICT(kind, value, scope) DO UPDATE SET
                    contact_id = excluded.contact_id, current = 1, superseded_at = NULL, last_seen = excluded.last_seen,
                    verified = CASE WHEN excluded.verified = 1 THEN 1 ELSE identifier.verified END
                """,
            arguments: [contact, identifier.kind.rawValue, identifier.value, identifier.scope ?? "", time, time, verified])
        cache.holders[identifier] = contact
        if identifier.kind == .phone { cache.currentPhones[contact, default: []].insert(identifier.value) }
    }

    private func recordConflict(_ conflict: PhoneConflict, contact: ContactID, at time: Double) throws {
        let known = try db.value(Bool.self, sql: "SELECT 1 FROM identity_conflict WHERE contact_id = ? AND phone = ?",
            arguments: [contact, conflict.phone]) ?? false
        guard !known else { return }
        try db.run(
            sql: "INSERT INTO identity_conflict (contact_id, other_contact_id, phone, raw_event_id, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [contact, conflict.heldBy, conflict.phone, rawEventID, time])
    }

    /// Keeps the latest name, username and country; earlier usernames stay in history.
    private mutating func updateProfile(of contact: ContactID, from customer: CustomerIdentity, at time: Double) throws {
        let current: ContactProfile
        if let cached = cache.profiles[contact] {
            current = cached
        } else {
            let row = try db.row(sql: "SELECT name, username, country FROM contact WHERE id = ?", arguments: [contact])
            current = ContactProfile(name: row?["name"], username: row?["username"], country: row?["country"])
        }
        let updated = ContactProfile(
            name: customer.name ?? current.name,
            username: customer.username ?? current.username,
            country: customer.country ?? current.country)
        guard updated != current else { return }
        try db.run(
            sql: "UPDATE contact SET name = ?, username = ?, country = ?, updated_at = ? WHERE id = ?",
            arguments: [updated.name, updated.username, updated.country, time, contact])
        if let username = updated.username, username != current.username {
            try recordUsername(username, for: contact, at: time)
        }
        cache.profiles[contact] = updated
    }

    private func recordUsername(_ username: String, for contact: ContactID, at time: Double) throws {
        try db.run(sql: "UPDATE contact_username SET current = 0 WHERE contact_id = ? AND username <> ?",
                       arguments: [contact, username])
        try db.run(
            sql: """
                INSERT INTO contact_username (contact_id, username, current, first_seen, last_seen) VALUES (?, ?, 1, ?, ?)
                ON CONFLICT(contact_id, username) DO UPDATE SET current = 1, last_seen = excluded.last_seen
                """,
            arguments: [contact, username, time, time])
    }
}
