import Foundation
import Identity

/// Marketing preferences: written by ingest, read by the reply plan, `contacts --json`, the
/// identity pane and the timeline.
enum MarketingEvents {
    static func record(contact: ContactID, channel: String, stopped: Bool, reason: String, at time: Double,
                       rawEventID: Int64?, db: any SQLSession) throws {
        try db.run(sql: """
            INSERT INTO marketing_event (contact_id, channel, stopped, reason, at, raw_event_id) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [contact, channel, stopped ? 1 : 0, reason, time, rawEventID])
    }

    /// Every change, oldest first.
    static func history(contact: ContactID, db: any SQLSession) throws -> [MarketingState] {
        try db.rows(sql: "SELECT channel, stopped, reason, at FROM marketing_event WHERE contact_id = ? ORDER BY at, id",
                    arguments: [contact]).map { row in
            MarketingState(channel: row[0], stopped: (row[1] as Int) == 1, reason: row[2], at: Date(timeIntervalSince1970: row[3]))
        }
    }

    /// The preference in force per channel: the newest change.
    static func current(contact: ContactID, db: any SQLSession) throws -> [String: MarketingState] {
        var states: [String: MarketingState] = [:]
        for state in try history(contact: contact, db: db) { states[state.channel] = state }
        return states
    }

    /// When contacts merge, the survivor keeps the merged one's history.
    static func move(from merged: ContactID, to survivor: ContactID, db: any SQLSession) throws {
        try db.run(sql: "UPDATE marketing_event SET contact_id = ? WHERE contact_id = ?", arguments: [survivor, merged])
    }
}
