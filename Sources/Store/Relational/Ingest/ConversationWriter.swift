import Identity

/// Finds or creates the conversation for (channel, contact) and keeps its summary columns
/// (count, unread, last inbound, last activity, preview) current as messages arrive.
struct ConversationWriter {
    let db: any SQLSession
    let cache: IngestCache

    mutating func conversation(channel: String, contact: ContactID) throws -> ConversationState {
        let key = ConversationSlot(channel: channel, contact: contact)
        if let cached = cache.conversations[key] { return cached }
        let state: ConversationState
        if let row = try db.row(sql: "SELECT id, last_message_at FROM conversation WHERE channel = ? AND contact_id = ?",
            arguments: [channel, contact]) {
            state = ConversationState(id: row["id"], lastMessageAt: row["last_message_at"])
        } else {
            let id = try db.insert(sql: "INSERT INTO conversation (channel, contact_id) VALUES (?, ?)", arguments: [channel, contact])
            state = ConversationState(id: id, lastMessageAt: nil)
        }
        cache.conversations[key] = state
        return state
    }

    /// Counts a new message; the preview follows the newest message by timestamp.
    mutating func recordMessage(in conversation: ConversationState, channel: String, contact: ContactID,
                                at time: Double, preview: String, inbound: Bool) throws {
        let newest = time >= (conversation.lastMessageAt ?? -Double.infinity)
        let unread = inbound ? 1 : 0
        if newest {
            try db.run(
                sql: """
                    UPDATE conversation SET message_count = message_count + 1, unread = unread + ?,
                        last_inbound_at = CASE WHEN ? = 1 AND (last_inbound_at IS NULL OR last_inbound_at < ?) THEN ?
                                               ELSE last_inbound_at END,
                        last_message_at = ?, last_message_preview = ?, last_direction = ?,
                        status = CASE WHEN ? = 1 THEN 'open' ELSE status END,
                        snoozed_until = CASE WHEN ? = 1 THEN NULL ELSE snoozed_until END
                    WHERE id = ?
                    """,
                arguments: [unread, inbound, time, time, time, String(preview.prefix(200)),
                            inbound ? Direction.inbound.rawValue : Direction.outbound.rawValue, inbound, inbound,
                            conversation.id])
        } else {
            try db.run(
                sql: """
                    UPDATE conversation SET message_count = message_count + 1, unread = unread + ?,
                        last_inbound_at = CASE WHEN ? = 1 AND (last_inbound_at IS NULL OR last_inbound_at < ?) THEN ?
                                               ELSE last_inbound_at END,
                        status = CASE WHEN ? = 1 THEN 'open' ELSE status END,
                        snoozed_until = CASE WHEN ? = 1 THEN NULL ELSE snoozed_until END
                    WHERE id = ?
                    """,
                arguments: [unread, inbound, time, time, inbound, inbound, conversation.id])
        }
        var updated = conversation
        if newest { updated.lastMessageAt = time }
        cache.conversations[ConversationSlot(channel: channel, contact: contact)] = updated
    }

    /// Recomputes a conversation's summary from its messages (after a merge).
    static func recount(_ id: Int64, db: any SQLSession) throws {
        try db.run(
            sql: """
                UPDATE conversation SET
                    message_count = (SELECT count(*) FROM message WHERE conversation_id = ?1),
                    last_inbound_at = (SELECT max(timestamp) FROM message WHERE conversation_id = ?1 AND direction = 'in'),
                    last_message_at = (SELECT max(timestamp) FROM message WHERE conversation_id = ?1),
                    last_message_preview = (SELECT substr(text, 1, 200) FROM message WHERE conversation_id = ?1
                                            ORDER BY timestamp DESC, id DESC LIMIT 1),
                    last_direction = (SELECT direction FROM message WHERE conversation_id = ?1
                                      ORDER BY timestamp DESC, id DESC LIMIT 1)
                WHERE id = ?1
                """,
            arguments: [id])
    }
}
