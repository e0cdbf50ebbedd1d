import Foundation
import GRDB
public import Identity

extension RelationalStore {
    /// Every live (not merged away) contact, oldest first, with identifiers and usernames.
    public func contacts() throws -> [Contact] {
        try read { db in try ContactQuery.fetch(db, "merged_into IS NULL") }
    }

    public func contact(id: ContactID) throws -> Contact? {
        try read { db in try ContactQuery.fetch(db, "id = \(id)").first }
    }

    /// Finds a contact by any identifier it has or had: phone (digits or +formatted), BSUID,
    /// parent BSUID, `@username`, or its id. Merged-away contacts lead to their survivor.
    public func findContact(ref: String) throws -> Contact? {
        try read { db in
            guard let id = try ContactQuery.resolveRef(ref, db: db) else { return nil }
            return try ContactQuery.fetch(db, "id = \(id)").first
        }
    }
}

/// Reads contacts with their identifiers in two queries (not one per contact).
enum ContactQuery {
    static func fetch(_ db: any SQLSession, _ condition: SQLFragment) throws -> [Contact] {
        let rows = try db.rows("SELECT id, name, username, country FROM contact WHERE \(condition) ORDER BY id")
        guard !rows.isEmpty else { return [] }
        let single: ContactID? = rows.count == 1 ? rows[0]["id"] : nil
        let filter: SQLFragment = single.map { "WHERE contact_id = \($0)" } ?? ""
        var identifiers: [ContactID: [ContactIdentifier]] = [:]
        for row in try db.rows("SELECT * FROM identifier \(filter) ORDER BY id") {
            guard let kind = IdentifierKind(rawValue: row["kind"]) else { continue }
            let scope: String = row["scope"]
            let superseded: Double? = row["superseded_at"]
            identifiers[row["contact_id"], default: []].append(ContactIdentifier(
                kind: kind, value: row["value"], scope: scope.isEmpty ? nil : scope, current: row["current"],
                firstSeen: Date(timeIntervalSince1970: row["first_seen"]),
                lastSeen: Date(timeIntervalSince1970: row["last_seen"]),
                supersededAt: superseded.map(Date.init(timeIntervalSince1970:))))
        }
        var usernames: [ContactID: [ContactUsername]] = [:]
        for row in try db.rows("SELECT * FROM contact_username \(filter) ORDER BY last_seen DESC") {
            usernames[row["contact_id"], default: []].append(ContactUsername(
                username: row["username"], current: row["current"], firstSeen: Date(timeIntervalSince1970: row["first_seen"])))
        }
        var marketing: [ContactID: [String: MarketingState]] = [:]
        for row in try db.rows("SELECT contact_id, channel, stopped, reason, at FROM marketing_event \(filter) ORDER BY at, id") {
            let state = MarketingState(channel: row[1], stopped: (row[2] as Int) == 1, reason: row[3],
                                       at: Date(timeIntervalSince1970: row[4]))
            marketing[row[0], default: [:]][state.channel] = state
        }
        return rows.map { row in
            let id: ContactID = row["id"]
            var contact = Contact(id: id, name: row["name"], username: row["username"], country: row["country"],
                                  identifiers: identifiers[id] ?? [], usernames: usernames[id] ?? [])
            contact.marketing = marketing[id] ?? [:]
            return contact
        }
    }

    /// Merges into or out of a contact, oldest first.
    static func merges(of contact: ContactID, db: any SQLSession) throws -> [MergeRecord] {
        try db.rows(sql: "SELECT * FROM merge_log WHERE survivor_id = ? OR merged_id = ? ORDER BY at, id",
                         arguments: [contact, contact]).map {
            MergeRecord(survivor: $0["survivor_id"], merged: $0["merged_id"], reason: $0["reason"],
                        at: Date(timeIntervalSince1970: $0["at"]))
        }
    }

    /// Phones of or against a contact that were not merged, oldest first.
    static func conflicts(of contact: ContactID, db: any SQLSession) throws -> [ConflictRecord] {
        try db.rows(sql: "SELECT * FROM identity_conflict WHERE contact_id = ? OR other_contact_id = ? ORDER BY at, id",
                         arguments: [contact, contact]).map {
            ConflictRecord(contact: $0["contact_id"], otherContact: $0["other_contact_id"], phone: $0["phone"],
                           at: Date(timeIntervalSince1970: $0["at"]))
        }
    }

    /// The live contact a reference points at.
    static func resolveRef(_ ref: String, db: any SQLSession) throws -> ContactID? {
        let text = ref.trimmingWhitespace()
        // An empty reference (or a bare "@") names no one.
        guard !text.isEmpty, text != "@" else { return nil }
        var found: ContactID?
        if text.hasPrefix("@") {
            found = try db.value(ContactID.self, sql: "SELECT contact_id FROM contact_username WHERE username = ? ORDER BY current DESC, last_seen DESC LIMIT 1",
                arguments: [text])
        }
        if found == nil, let id = IdentifierClassifier.classify(text).identifier {
            found = try db.value(ContactID.self, sql: "SELECT contact_id FROM identifier WHERE kind = ? AND value = ? ORDER BY current DESC, last_seen DESC LIMIT 1",
                arguments: [id.kind.rawValue, id.value])
        }
        if found == nil, let id = ContactID(text) {
            found = try db.value(ContactID.self, sql: "SELECT id FROM contact WHERE id = ?", arguments: [id])
        }
        if found == nil, !text.hasPrefix("@") {
            found = try db.value(ContactID.self, sql: "SELECT contact_id FROM contact_username WHERE username = ? OR username = ? LIMIT 1",
                arguments: [text, "@" + text])
        }
        // A phone held by nobody but flagged as a conflict on a contact names that contact
        // (it is where the operator sees it).
        if found == nil, let id = IdentifierClassifier.classify(text).identifier, id.kind == .phone {
            found = try db.value(ContactID.self, sql: "SELECT contact_id FROM identity_conflict WHERE phone = ? ORDER BY at DESC LIMIT 1",
                arguments: [id.value])
        }
        // Follow tombstones to the surviving contact.
        var hops = 0
        while let id = found, hops < 64,
              let next = try db.value(ContactID.self, sql: "SELECT merged_into FROM contact WHERE id = ?", arguments: [id]) {
            found = next
            hops += 1
        }
        return found
    }
}
