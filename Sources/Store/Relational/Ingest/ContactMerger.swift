import Identity

/// Merges one contact into another: identifiers, usernames and conversations move to the
/// survivor (conversations on the same channel become one), the loser is kept as a tombstone
/// pointing at the survivor, and the merge is logged (append-only).
struct ContactMerger {
    let db: any SQLSession

    func merge(_ loser: ContactID, into survivor: ContactID, reason: String, rawEventID: Int64?, at time: Double) throws {
        guard loser != survivor else { return }
        try db.run(sql: "UPDATE identifier SET contact_id = ? WHERE contact_id = ?", arguments: [survivor, loser])
        try db.run(
            sql: """
                INSERT INTO contact_username (contact_id, username, current, first_seen, last_seen)
                SELECT ?, username, 0, first_seen, last_seen FROM contact_username WHERE contact_id = ?
                ON CONFLICT DO NOTHING
                """,
            arguments: [survivor, loser])
        try db.run(sql: "DELETE FROM contact_username WHERE contact_id = ?", arguments: [loser])
        try mergeConversations(of: loser, into: survivor)
        try db.run(
            sql: """
                UPDATE contact SET
                    name = coalesce(name, (SELECT name FROM contact WHERE id = ?1)),
                    username = coalesce(username, (SELECT username FROM contact WHERE id = ?1)),
                    country = coalesce(country, (SELECT country FROM contact WHERE id = ?1)),
                    updated_at = ?2
                WHERE id = ?3
                """,
            arguments: [loser, time, survivor])
        try db.run(sql: "UPDATE contact SET merged_into = ?, updated_at = ? WHERE id = ?",
                       arguments: [survivor, time, loser])
        try db.run(sql: "UPDATE contact SET merged_into = ? WHERE merged_into = ?", arguments: [survivor, loser])
        try db.run(sql: "UPDATE identity_conflict SET contact_id = ? WHERE contact_id = ?", arguments: [survivor, loser])
        try db.run(sql: "UPDATE identity_conflict SET other_contact_id = ? WHERE other_contact_id = ?",
                       arguments: [survivor, loser])
        try MarketingEvents.move(from: loser, to: survivor, db: db)
        try db.run(
            sql: "INSERT INTO merge_log (survivor_id, merged_id, reason, raw_event_id, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [survivor, loser, reason, rawEventID, time])
    }

    private func mergeConversations(of loser: ContactID, into survivor: ContactID) throws {
        let moving = try db.rows(sql: "SELECT id, channel FROM conversation WHERE contact_id = ?", arguments: [loser])
        for row in moving {
            let id: Int64 = row["id"]
            let channel: String = row["channel"]
            if let keep = try db.value(Int64.self, sql: "SELECT id FROM conversation WHERE contact_id = ? AND channel = ?", arguments: [survivor, channel]) {
                try db.run(sql: "UPDATE message SET conversation_id = ? WHERE conversation_id = ?", arguments: [keep, id])
                try db.run(sql: "UPDATE conversation_event SET conversation_id = ? WHERE conversation_id = ?", arguments: [keep, id])
                try db.run(
                    sql: "UPDATE conversation SET unread = unread + (SELECT unread FROM conversation WHERE id = ?) WHERE id = ?",
                    arguments: [id, keep])
                try db.run(sql: "DELETE FROM conversation WHERE id = ?", arguments: [id])
                try ConversationWriter.recount(keep, db: db)
            } else {
                try db.run(sql: "UPDATE conversation SET contact_id = ? WHERE id = ?", arguments: [survivor, id])
            }
        }
    }
}
