public import Foundation
import GRDB
public import Identity

extension RelationalStore {
    public func approveChange(id: Int64, operator name: String?, at time: Date,
                              channels: ChannelDirectory) throws -> UnverifiedChange? {
        defer { writeCache.withCache { $0.clear() } }
        return try write { db in
            guard let row = try db.row(sql: "SELECT * FROM unverified_change WHERE id = ?", arguments: [id]) else { return nil }
            let change = UnverifiedChanges.record(row)
            try db.run(sql: """
                INSERT INTO approved_change (change_key, operator, approved_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                """, arguments: [row["change_key"] as String, name, time.timeIntervalSince1970])
            try db.run(sql: "DELETE FROM unverified_change WHERE id = ?", arguments: [id])
            // Re-apply the webhook that carried it: the change now goes through; its other
            // events are already in the store and are skipped.
            let logged: Int64 = row["raw_event_id"]
            let events = try RawEventLog.events(after: logged - 1, limit: 1, db: db).filter { $0.loggedEventID == logged }
            writeCache.withCache { $0.clear() }
            _ = try ingest(events, channels: channels, db: db)
            return change
        }
    }
}

/// Unverified identity changes as records.
enum UnverifiedChanges {
    static func of(contact: ContactID, db: any SQLSession) throws -> [UnverifiedChange] {
        try db.rows(sql: "SELECT * FROM unverified_change WHERE contact_id = ? ORDER BY at, id", arguments: [contact]).map(record)
    }

    static func record(_ row: SQLRow) -> UnverifiedChange {
        UnverifiedChange(id: row["id"], contactID: row["contact_id"], channel: row["channel"], kind: row["kind"],
                         previous: UnverifiedChange.decode(row["previous"]), current: UnverifiedChange.decode(row["current"]),
                         at: Date(timeIntervalSince1970: row["at"]))
    }
}
