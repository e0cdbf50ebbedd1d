import Foundation
public import Identity
import Webhooks

extension RelationalStore {
    /// The projection's tables, in the order rebuild empties them (PostgreSQL's foreign keys
    /// want each contact last).
    static var projectionTables: [String] {
        ["draft", "conversation", "identifier", "contact_username", "merge_log", "identity_conflict",
         "unverified_change", "pending_status", "marketing_event", "contact"]
    }

    /// Re-projects contacts, conversations and inbound messages from the raw event log, in
    /// arrival order, through the same ingest path; the log and the quarantine are untouched.
    ///
    /// Everything happens in ONE write transaction: other processes keep reading the old
    /// projection (WAL snapshot) until the commit swaps the new one in, and a crash at any
    /// moment rolls back to the old one whole. Operator work — outgoing messages with their
    /// statuses and outbox rows, drafts — is never deleted: it stays in its rows and is
    /// re-attached to the conversation of whoever holds the identifier it is anchored to
    /// (channel + identifier). Foreign keys are checked at the commit.
    /// Returns the number of logged events re-applied.
    public func rebuild(channels: ChannelDirectory, batchSize: Int) throws -> Int {
        writeCache.withCache { $0.clear(); $0.dataVersion = -1 }
        defer { writeCache.withCache { $0.clear(); $0.dataVersion = -1 } }
        return try write { db in
            switch db.dialect {
            case .sqlite: try db.run(sql: "PRAGMA defer_foreign_keys = ON")
            case .postgres: try db.run(sql: "SET CONSTRAINTS ALL DEFERRED")
            }
            let drafts = try DraftAnchor.all(db)
            let work = try WorkAnchor.all(db)
            return try reprojecting(db) {
                try db.run(sql: "DELETE FROM message WHERE direction = 'in'")
                for table in Self.projectionTables {
                    try db.run(sql: "DELETE FROM \(table)")
                }
                try resetSearchIndex(db)
                writeCache.withCache { $0.clear() }
                var lastID: Int64 = 0
                var count = 0
                while true {
                    let page = try RawEventLog.events(after: lastID, limit: batchSize, db: db)
                    guard let last = page.last?.loggedEventID else { break }
                    _ = try ingest(page, channels: channels, db: db)
                    lastID = last
                    count += page.count
                }
                let reattachment = OperatorWorkReattachment(db: db, channels: channels, cache: IngestCache())
                try reattachment.reattachOutgoing()
                try reattachment.restore(drafts)
                try reattachment.restore(work)
                return count
            }
        }
    }

}

/// The raw event log read back in arrival order, as webhooks to re-apply.
enum RawEventLog {
    static func events(after id: Int64, limit: Int, db: any SQLSession) throws -> [PreparedWebhook] {
        try db.rows(sql: """
            SELECT id, provider, channel, received_at, body FROM raw_event WHERE id > ? ORDER BY id LIMIT ?
            """, arguments: [id, limit]).map { row in
            let body: Data = row["body"]
            let provider: String? = row["provider"]
            return PreparedWebhook(RawWebhook(
                body: Array(body), provider: provider.flatMap(ProviderKind.init(rawValue:)),
                channelName: row["channel"], receivedAt: Date(timeIntervalSince1970: row["received_at"])),
                loggedEventID: row["id"])
        }
    }
}

/// A draft with what finds its conversation again after a rebuild: the channel and every
/// identifier its contact held, in resolution order (BSUID, parent BSUID, phone).
struct DraftAnchor {
    var channel: String
    var text: String
    var updatedAt: Double
    var identifiers: [ScopedIdentifier]

    static func all(_ db: any SQLSession) throws -> [DraftAnchor] {
        let drafts = try db.rows(sql: """
            SELECT d.text, d.updated_at, c.channel, c.contact_id FROM draft d JOIN conversation c ON c.id = d.conversation_id
            """)
        return try drafts.map { row in
            DraftAnchor(channel: row["channel"], text: row["text"], updatedAt: row["updated_at"],
                        identifiers: try identifiers(ofContact: row["contact_id"], db: db))
        }
    }

    /// Every identifier a contact held, in resolution order (BSUID, parent BSUID, phone).
    static func identifiers(ofContact contact: Int64, db: any SQLSession) throws -> [ScopedIdentifier] {
        try db.rows(sql: """
            SELECT kind, value, scope FROM identifier WHERE contact_id = ? AND kind != 'username'
            ORDER BY CASE kind WHEN 'bsuid' THEN 0 WHEN 'parent_bsuid' THEN 1 ELSE 2 END, current DESC
            """, arguments: [contact]).compactMap { row -> ScopedIdentifier? in
                guard let kind = IdentifierKind(rawValue: row["kind"]) else { return nil }
                let scope: String = row["scope"]
                return ScopedIdentifier(kind: kind, value: row["value"], scope: scope.isEmpty ? nil : scope)
            }
    }
}

/// A conversation with operator history (`conversation_event`), with what finds it again
/// after a rebuild, as for drafts.
struct WorkAnchor {
    var conversationID: Int64
    var channel: String
    var identifiers: [ScopedIdentifier]
    var firstAt: Double
    /// The history rows to move to the rebuilt conversation.
    var events: [Int64]

    static func all(_ db: any SQLSession) throws -> [WorkAnchor] {
        let rows = try db.rows(sql: """
            SELECT e.id, e.conversation_id, e.at, c.channel, c.contact_id FROM conversation_event e
            JOIN conversation c ON c.id = e.conversation_id ORDER BY e.conversation_id, e.id
            """)
        var anchors: [WorkAnchor] = []
        for row in rows {
            let conversation: Int64 = row["conversation_id"]
            if anchors.last?.conversationID == conversation {
                anchors[anchors.count - 1].events.append(row["id"])
                continue
            }
            anchors.append(WorkAnchor(conversationID: conversation, channel: row["channel"],
                                      identifiers: try DraftAnchor.identifiers(ofContact: row["contact_id"], db: db),
                                      firstAt: row["at"], events: [row["id"]]))
        }
        return anchors
    }
}

/// Puts operator work back on the rebuilt projection.
struct OperatorWorkReattachment {
    let db: any SQLSession
    let channels: ChannelDirectory
    let cache: IngestCache

    /// Every outgoing message moves to the conversation of whoever now holds the identifier
    /// it was sent to; if nobody does (its contact was only ever known from the reply), a
    /// contact holding that identifier is recreated, so no reply is ever dropped.
    func reattachOutgoing() throws {
        let rows = try db.rows(sql: """
            SELECT id, channel, phone, bsuid, parent_bsuid, username, timestamp FROM message WHERE direction = 'out' ORDER BY id
            """)
        var touched = Set<Int64>()
        for row in rows {
            let channelName: String = row["channel"]
            let sentTo = CustomerIdentity(phone: row["phone"], bsuid: row["bsuid"], parentBSUID: row["parent_bsuid"],
                                          username: row["username"])
            let contact = try holder(of: sentTo, channelName: channelName, at: row["timestamp"])
            let conversation = try conversationID(channel: channelName, contact: contact)
            try db.run(sql: "UPDATE message SET conversation_id = ? WHERE id = ?", arguments: [conversation, row["id"] as Int64])
            touched.insert(conversation)
        }
        for conversation in touched { try ConversationWriter.recount(conversation, db: db) }
    }

    /// Drafts go back to the conversation on their channel of whoever holds one of their
    /// contact's identifiers; a draft whose identifiers all vanished from the log is kept on
    /// a contact recreated from the first of them.
    func restore(_ drafts: [DraftAnchor]) throws {
        for draft in drafts {
            guard let conversation = try conversation(channel: draft.channel, identifiers: draft.identifiers,
                                                      at: draft.updatedAt) else { continue }
            try Drafts.save(db, conversationID: conversation, text: draft.text, at: draft.updatedAt)
        }
    }

    /// Operator history moves to the rebuilt conversation of the same customer and channel;
    /// the status, assignee and unread columns are derived from it again.
    func restore(_ work: [WorkAnchor]) throws {
        var touched = Set<Int64>()
        for anchor in work {
            guard let conversation = try conversation(channel: anchor.channel, identifiers: anchor.identifiers,
                                                      at: anchor.firstAt) else { continue }
            for event in anchor.events {
                try db.run(sql: "UPDATE conversation_event SET conversation_id = ? WHERE id = ?", arguments: [conversation, event])
            }
            touched.insert(conversation)
        }
        for conversation in touched.sorted() { try ConversationWork.recompute(conversation: conversation, db: db) }
    }

    /// The rebuilt conversation on `channel` of whoever holds one of `identifiers`; when all
    /// vanished from the log, a contact is recreated from the first, so no work is dropped.
    private func conversation(channel: String, identifiers: [ScopedIdentifier], at time: Double) throws -> Int64? {
        var contact: Int64?
        for identifier in identifiers {
            contact = try holder(of: identifier)
            if contact != nil { break }
        }
        if contact == nil, let first = identifiers.first {
            var identity = CustomerIdentity()
            identity.set(first.identifier, field: "operator work")
            contact = try holder(of: identity, channelName: channel, at: time)
        }
        guard let contact else { return nil }
        return try conversationID(channel: channel, contact: contact)
    }

    private func holder(of sentTo: CustomerIdentity, channelName: String, at time: Double) throws -> ContactID {
        let channel = channels.named(channelName) ?? Channel(name: channelName, provider: .meta, portfolio: "")
        for identifier in sentTo.identifiers where identifier.kind != .username {
            if let id = try holder(of: channel.scoped(identifier)) { return id }
        }
        var writer = ContactWriter(db: db, rawEventID: nil, cache: cache)
        return try writer.resolve(sentTo, on: channel, at: time)
    }

    /// Whoever holds `identifier` in the rebuilt graph (current or superseded).
    private func holder(of identifier: ScopedIdentifier) throws -> ContactID? {
        try db.value(ContactID.self, sql: "SELECT contact_id FROM identifier WHERE kind = ? AND value = ? AND scope = ?",
                               arguments: [identifier.kind.rawValue, identifier.value, identifier.scope ?? ""])
    }

    private func conversationID(channel: String, contact: ContactID) throws -> Int64 {
        try ConversationRows.id(channel: channel, contact: contact, db: db)
    }
}
