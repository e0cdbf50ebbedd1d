import Foundation
import GRDB
public import Identity

extension RelationalStore {
    /// What reply planning needs about a contact: its current identifiers with their scopes
    /// and, per channel, when the customer last wrote there. Nil for an unknown contact.
    public func replyContext(contact id: ContactID) throws -> ReplyContext? {
        guard let contact = try contact(id: id) else { return nil }
        let rows = try read { db in
            try db.rows(sql: """
                SELECT channel, max(last_inbound_at) AS last FROM conversation
                WHERE contact_id = ? AND last_inbound_at IS NOT NULL GROUP BY channel
                """, arguments: [id])
        }
        var lastInbound: [String: Date] = [:]
        for row in rows {
            let last: Double = row["last"]
            lastInbound[row["channel"]] = Date(timeIntervalSince1970: last)
        }
        let marketing = try read { db in try MarketingEvents.current(contact: id, db: db) }
        return ReplyContext(identifiers: contact.currentScoped, lastInboundAt: lastInbound,
                            marketingStopped: Set(marketing.values.filter(\.stopped).map(\.channel)))
    }
}
