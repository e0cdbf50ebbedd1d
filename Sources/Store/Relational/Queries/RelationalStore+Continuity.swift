public import Foundation
public import Identity

extension RelationalStore {
    /// Phone interactions per contact and business number (one pass over the messages; a
    /// message counts when it carried the phone in or was sent to it).
    public func phoneInteractions(contactBookSince since: Date, contact: ContactID?) throws -> [PhoneInteractions] {
        try read { db in
            let only: SQLFragment = contact.map { "AND c.contact_id = \($0)" } ?? ""
            let request: SQLFragment = """
                SELECT c.contact_id, m.channel, max(m.timestamp),
                       max(CASE WHEN m.timestamp >= \(since.timeIntervalSince1970) THEN 1 ELSE 0 END)
                FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE m.phone IS NOT NULL \(only)
                GROUP BY c.contact_id, m.channel
                ORDER BY c.contact_id, m.channel
                """
            return try db.rows(request).map { row in
                PhoneInteractions(contactID: row[0], channel: row[1], last: Date(timeIntervalSince1970: row[2]),
                                  sinceContactBook: (row[3] as Int) == 1)
            }
        }
    }
}
