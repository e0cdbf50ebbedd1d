import Foundation
import GRDB
import Identity
import Webhooks

extension InboxStore {
    /// Re-projects contacts, conversations and messages from the raw event log, in arrival
    /// order, through the same ingest path; the log and the quarantine are untouched.
    /// Outgoing messages (not in the log) are kept and re-attached to the contact holding the
    /// identifier they were sent to. Returns the number of logged events re-applied.
    public func rebuild(channels: ChannelDirectory, batchSize: Int = 2000) throws -> Int {
        let outgoing: [Row] = try database.write { db in
            let kept = try Row.fetchAll(db, sql: "SELECT * FROM message WHERE direction = 'out' ORDER BY id")
            for table in ["message", "conversation", "identifier", "contact_username", "merge_log",
                          "identity_conflict", "pending_status", "contact"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            return kept
        }
        writeCache.withCache { $0.clear(); $0.dataVersion = -1 }
        var lastID: Int64 = 0
        var count = 0
        while true {
            let page: [PreparedWebhook] = try database.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT id, provider, channel, received_at, body FROM raw_event WHERE id > ? ORDER BY id LIMIT ?
                    """, arguments: [lastID, batchSize]).map { row in
                    let body: Data = row["body"]
                    let provider: String? = row["provider"]
                    return PreparedWebhook(RawWebhook(
                        body: Array(body), provider: provider.flatMap(ProviderKind.init(rawValue:)),
                        channelName: row["channel"], receivedAt: Date(timeIntervalSince1970: row["received_at"])),
                        loggedEventID: row["id"])
                }
            }
            guard let last = page.last?.loggedEventID else { break }
            _ = try ingest(page, channels: channels)
            lastID = last
            count += page.count
        }
        try database.write { db in try OutgoingReattachment(db: db, channels: channels).reattach(outgoing) }
        return count
    }
}

/// Puts outgoing messages back after a rebuild, on the conversation of whoever holds the
/// identifier each was sent to.
struct OutgoingReattachment {
    let db: Database
    let channels: ChannelDirectory

    func reattach(_ rows: [Row]) throws {
        var conversations = ConversationWriter(db: db, cache: IngestCache())
        for row in rows {
            let channelName: String = row["channel"]
            guard let channel = channels.named(channelName),
                  let contact = try holder(row, channel: channel) else { continue }
            let conversation = try conversations.conversation(channel: channelName, contact: contact)
            var copy = row.asDictionary
            copy["conversation_id"] = conversation.id.databaseValue
            let columns = copy.keys.sorted()
            try db.execute(
                sql: "INSERT INTO message (\(columns.joined(separator: ","))) VALUES (\(columns.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(columns.map { copy[$0] ?? .null }))
            try ConversationWriter.recount(conversation.id, db: db)
        }
    }

    private func holder(_ row: Row, channel: Channel) throws -> ContactID? {
        let sentTo: [(IdentifierKind, String?)] = [(.phone, row["phone"]), (.bsuid, row["bsuid"]), (.parentBSUID, row["parent_bsuid"])]
        for case let (kind, value?) in sentTo {
            let scoped = channel.scoped(Identifier(kind: kind, value: value))
            if let id = try ContactID.fetchOne(
                db, sql: "SELECT contact_id FROM identifier WHERE kind = ? AND value = ? AND scope = ?",
                arguments: [kind.rawValue, value, scoped.scope ?? ""]) {
                return id
            }
        }
        return nil
    }
}

extension Row {
    /// Column name → database value.
    fileprivate var asDictionary: [String: DatabaseValue] {
        Dictionary(columnNames.map { ($0, self[$0] as DatabaseValue) }, uniquingKeysWith: { first, _ in first })
    }
}
