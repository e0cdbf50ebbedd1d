public import Foundation
import GRDB
public import Identity

extension RelationalStore {
    /// Applies one operator change to each conversation, in one transaction, appending it to
    /// the history with who and when; returns the updated conversations (unknown ids skipped).
    public func change(conversations ids: [Int64], _ change: ConversationChange, operator name: String?,
                       at time: Date) throws -> [Conversation] {
        try write { db in
            var changed: [Conversation] = []
            for id in ids {
                guard try db.value(Bool.self, sql: "SELECT 1 FROM conversation WHERE id = ?", arguments: [id]) == true else {
                    continue
                }
                try ConversationWork.record(change, conversation: id, operator: name, at: time.timeIntervalSince1970, db: db)
                try ConversationWork.apply(change, conversation: id, at: time.timeIntervalSince1970, db: db)
                if let conversation = try ConversationPage.one(db, id: id) { changed.append(conversation) }
            }
            return changed
        }
    }

    /// The contact's history, oldest first: operator work on its conversations, merges,
    /// identity changes (superseded identifiers), phone conflicts, unverified changes.
    public func timeline(contact id: ContactID) throws -> [TimelineEntry] {
        try read { db in try ConversationWork.timeline(contact: id, db: db) }
    }
}

/// Operator work on conversations: the append-only `conversation_event` history and the
/// columns derived from it.
enum ConversationWork {
    static func record(_ change: ConversationChange, conversation: Int64, operator name: String?, at time: Double,
                       db: any SQLSession) throws {
        let (kind, value, until): (String, String?, Double?) = switch change {
        case .status(let status, let until): ("status", status.rawValue, until?.timeIntervalSince1970)
        case .assign(let assignee): ("assigned", assignee, nil)
        case .read: ("read", nil, nil)
        case .unread: ("unread", nil, nil)
        case .note(let text): ("note", text, nil)
        }
        try db.run(sql: """
            INSERT INTO conversation_event (conversation_id, kind, value, until, operator, at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [conversation, kind, value, until, name, time])
    }

    static func apply(_ change: ConversationChange, conversation: Int64, at time: Double, db: any SQLSession) throws {
        switch change {
        case .status(let status, let until):
            try db.run(sql: "UPDATE conversation SET status = ?, snoozed_until = ? WHERE id = ?",
                       arguments: [status.rawValue, status == .snoozed ? until?.timeIntervalSince1970 : nil, conversation])
        case .assign(let assignee):
            try db.run(sql: "UPDATE conversation SET assignee = ? WHERE id = ?", arguments: [assignee, conversation])
        case .read:
            try db.run(sql: "UPDATE conversation SET unread = 0 WHERE id = ?", arguments: [conversation])
        case .unread:
            try db.run(sql: "UPDATE conversation SET unread = CASE WHEN unread > 0 THEN unread ELSE 1 END WHERE id = ?",
                       arguments: [conversation])
        case .note:
            break
        }
    }

    /// Derives a conversation's status, assignee and unread state from its history after a
    /// rebuild: the last status stands unless the customer wrote after it (an inbound message
    /// reopens); read/unread marks apply to the messages before them.
    static func recompute(conversation: Int64, db: any SQLSession) throws {
        let events = try db.rows(sql: """
            SELECT kind, value, until, at FROM conversation_event WHERE conversation_id = ? ORDER BY at, id
            """, arguments: [conversation])
        for event in events {
            let kind: String = event["kind"]
            let at: Double = event["at"]
            switch kind {
            case "status":
                let value: String = event["value"] ?? "open"
                let reopened = try db.value(Bool.self, sql: """
                    SELECT 1 FROM message WHERE conversation_id = ? AND direction = 'in' AND timestamp > ? LIMIT 1
                    """, arguments: [conversation, at]) ?? false
                let status = reopened ? "open" : value
                try db.run(sql: "UPDATE conversation SET status = ?, snoozed_until = ? WHERE id = ?",
                           arguments: [status, status == "snoozed" ? event["until"] as Double? : nil, conversation])
            case "assigned":
                try db.run(sql: "UPDATE conversation SET assignee = ? WHERE id = ?", arguments: [event["value"] as String?, conversation])
            case "read":
                try db.run(sql: """
                    UPDATE conversation SET unread = (SELECT count(*) FROM message
                        WHERE conversation_id = ?1 AND direction = 'in' AND timestamp > ?2) WHERE id = ?1
                    """, arguments: [conversation, at])
            case "unread":
                try db.run(sql: "UPDATE conversation SET unread = CASE WHEN unread > 0 THEN unread ELSE 1 END WHERE id = ?",
                           arguments: [conversation])
            default:
                continue
            }
        }
    }

    static func timeline(contact: ContactID, db: any SQLSession) throws -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        for row in try db.rows(sql: """
            SELECT e.conversation_id, e.kind, e.value, e.until, e.operator, e.at, c.channel FROM conversation_event e
            JOIN conversation c ON c.id = e.conversation_id WHERE c.contact_id = ? ORDER BY e.at, e.id
            """, arguments: [contact]) {
            let kind: String = row["kind"]
            let value: String? = row["value"]
            let channel: String = row["channel"]
            let text: String
            switch kind {
            case "status":
                let until = (row["until"] as Double?).map { " until " + Date(timeIntervalSince1970: $0).formatted(.iso8601) } ?? ""
                text = "\(value ?? "open")\(until) on \(channel)"
            case "assigned": text = value.map { "assigned to \($0) on \(channel)" } ?? "unassigned on \(channel)"
            case "read": text = "marked read on \(channel)"
            case "unread": text = "marked unread on \(channel)"
            default: text = value ?? ""
            }
            entries.append(TimelineEntry(at: Date(timeIntervalSince1970: row["at"]),
                                         kind: ["read", "unread"].contains(kind) ? "status" : kind, text: text,
                                         operatorName: row["operator"], conversationID: row["conversation_id"]))
        }
        for row in try db.rows(sql: "SELECT * FROM merge_log WHERE survivor_id = ? OR merged_id = ?", arguments: [contact, contact]) {
            let merged: Int64 = row["merged_id"]
            entries.append(TimelineEntry(at: Date(timeIntervalSince1970: row["at"]), kind: "merged",
                                         text: "contact \(merged) merged in (\(row["reason"] as String))"))
        }
        for row in try db.rows(sql: """
            SELECT kind, value, superseded_at FROM identifier WHERE contact_id = ? AND current = 0 AND superseded_at IS NOT NULL
            """, arguments: [contact]) {
            entries.append(TimelineEntry(at: Date(timeIntervalSince1970: row["superseded_at"]), kind: "identity_changed",
                                         text: "\(row["kind"] as String) \(row["value"] as String) superseded"))
        }
        for row in try db.rows(sql: "SELECT phone, other_contact_id, at FROM identity_conflict WHERE contact_id = ?", arguments: [contact]) {
            let other = (row["other_contact_id"] as Int64?).map { " held by contact \($0)" } ?? ""
            entries.append(TimelineEntry(at: Date(timeIntervalSince1970: row["at"]), kind: "conflict",
                                         text: "phone \(row["phone"] as String)\(other), not merged"))
        }
        // A phone first seen in a contact card from the customer: they shared it.
        for row in try db.rows(sql: """
            SELECT i.value, i.first_seen FROM identifier i
            WHERE i.contact_id = ? AND i.kind = 'phone' AND EXISTS (
                SELECT 1 FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE c.contact_id = i.contact_id AND m.direction = 'in' AND m.type = 'contacts'
                  AND m.phone = i.value AND m.timestamp = i.first_seen)
            """, arguments: [contact]) {
            entries.append(TimelineEntry(at: Date(timeIntervalSince1970: row[1]), kind: "phone_shared",
                                         text: "shared phone +\(row[0] as String)"))
        }
        for state in try MarketingEvents.history(contact: contact, db: db) {
            entries.append(TimelineEntry(at: state.at, kind: "marketing",
                                         text: "\(state.stopped ? "stopped" : "resumed") marketing messages on \(state.channel) (\(state.reason))"))
        }
        for change in try UnverifiedChanges.of(contact: contact, db: db) {
            entries.append(TimelineEntry(at: change.at, kind: "identity_changed", text: "unverified: \(change.summary)"))
        }
        // Oldest first; entries of one moment keep the order they were gathered in.
        return entries.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}
