import Foundation
import GRDB
import Identity
import Webhooks

/// The one place SQLite rows become records: every query selects these columns.
extension Message {
    /// Columns of `message m JOIN conversation c`, in the order `init(row:)` reads them.
    static let selection = """
        m.id, m.provider_message_id, m.conversation_id, c.contact_id, m.channel, m.direction, m.type, m.text,
        m.status, m.error_code, m.error_title, m.timestamp, m.phone, m.bsuid, m.parent_bsuid, m.username
        """

    init(row: SQLRow) {
        let direction: String = row[5]
        let status: String? = row[8]
        self.init(
            id: row[0], providerMessageID: row[1], conversationID: row[2], contactID: row[3], channel: row[4],
            direction: Direction(rawValue: direction) ?? .inbound, type: row[6], text: row[7],
            status: status.flatMap(DeliveryStatus.init(rawValue:)), errorCode: row[9], errorTitle: row[10],
            timestamp: Date(timeIntervalSince1970: row[11]), phone: row[12], bsuid: row[13], parentBSUID: row[14],
            username: row[15])
    }
}

extension Conversation {
    /// Columns of `conversation c JOIN contact k`, in the order `init(row:)` reads them. The
    /// address is the contact's best current routing identifier: phone, BSUID, parent BSUID.
    static let selection = """
        c.id, c.channel, c.contact_id, c.unread, c.message_count, c.last_message_at, c.last_inbound_at,
        c.last_message_preview, k.name, k.username,
        (SELECT i.kind || '\t' || i.value FROM identifier i
          WHERE i.contact_id = c.contact_id AND i.current = 1 AND i.kind != 'username'
          ORDER BY CASE i.kind WHEN 'phone' THEN 0 WHEN 'bsuid' THEN 1 ELSE 2 END, i.id
          LIMIT 1) AS best,
        c.status, c.snoozed_until, c.assignee, c.last_direction,
        CASE WHEN (SELECT m.status FROM message m WHERE m.conversation_id = c.id AND m.direction = 'out'
                   ORDER BY m.timestamp DESC, m.id DESC LIMIT 1) = 'failed' THEN 1 ELSE 0 END AS send_failed,
        CASE WHEN EXISTS (SELECT 1 FROM draft d WHERE d.conversation_id = c.id AND d.text <> '') THEN 1 ELSE 0 END AS has_draft
        """

    init(row: SQLRow) {
        let last: Double? = row[5]
        let inbound: Double? = row[6]
        var address: Identifier?
        if let best: String = row[10], let tab = best.firstIndex(of: "\t"),
           let kind = IdentifierKind(rawValue: String(best[..<tab])) {
            address = Identifier(kind: kind, value: String(best[best.index(after: tab)...]))
        }
        self.init(
            id: row[0], channel: row[1], contactID: row[2], name: row[8], username: row[9], address: address,
            unread: row[3], messageCount: row[4], lastMessageAt: last.map(Date.init(timeIntervalSince1970:)),
            lastInboundAt: inbound.map(Date.init(timeIntervalSince1970:)), preview: row[7],
            status: ConversationStatus(rawValue: row[11] ?? "open") ?? .open,
            snoozedUntil: (row[12] as Double?).map(Date.init(timeIntervalSince1970:)),
            assignee: row[13], lastDirection: (row[14] as String?).flatMap(Direction.init(rawValue:)))
        lastSendFailed = (row[15] as Int?) == 1
        hasDraft = (row[16] as Int?) == 1
    }
}
