import Foundation
import Identity
import JSON
import TerminalText
import Store
import Webhooks

/// JSON shapes of the command-line contract (SPEC §4).
enum RecordJSON {
    static func contact(_ c: Contact) -> JSONValue {
        var identifiers: [JSONValue] = c.identifiers.map { id in
            .object([
                "kind": .string(id.kind.rawValue), "value": .string(id.value), "scope": .optional(id.scope),
                "current": .bool(id.current), "first_seen": .string(iso(id.firstSeen)),
                "superseded_at": .optional(id.supersededAt.map(iso)),
            ])
        }
        identifiers += c.usernames.map { u in
            .object([
                "kind": "username", "value": .string(u.username), "scope": .null, "current": .bool(u.current),
                "first_seen": .string(iso(u.firstSeen)), "superseded_at": .null,
            ])
        }
        var object: [String: JSONValue] = [
            "id": .string(String(c.id)), "name": .optional(c.name), "username": .optional(c.username),
            "phone": .optional(c.phone), "bsuid": .optional(c.bsuid), "parent_bsuid": .optional(c.parentBSUID),
            "country": .optional(c.country), "identity_source": .string(c.identitySource.rawValue),
            "identifiers": .array(identifiers),
        ]
        if !c.marketing.isEmpty {
            object["marketing"] = .object(c.marketing.mapValues { .string($0.stopped ? "stopped" : "resumed") })
        }
        return .object(object)
    }

    /// A conversation as SPEC §4 prints it; `status` is the status at `now` (a snooze that
    /// has passed reads as open).
    static func conversation(_ c: Conversation, provider: String?, now: Date) -> JSONValue {
        let status = c.status(at: now)
        return .object([
            "id": .string(String(c.id)), "contact_id": .string(String(c.contactID)),
            "contact_name": .string(c.displayName), "channel": .string(c.channel), "provider": .optional(provider),
            "messages": .int(c.messageCount), "unread": .int(c.unread),
            "last_message_at": .optional(c.lastMessageAt.map(iso)), "last_message_preview": .optional(c.preview),
            "last_direction": .optional(c.lastDirection?.rawValue), "status": .string(status.rawValue),
            "snoozed_until": .optional(status == .snoozed ? c.snoozedUntil.map(iso) : nil),
            "assignee": .optional(c.assignee), "window_closes_at": .optional(c.windowClosesAt.map(iso)),
        ])
    }

    static func timeline(_ entry: TimelineEntry) -> JSONValue {
        .object(["at": .string(iso(entry.at)), "kind": .string(entry.kind), "text": .string(entry.text),
                 "operator": .optional(entry.operatorName)])
    }

    static func message(_ m: Message) -> JSONValue {
        .object([
            "id": .string(String(m.id)), "provider_message_id": .optional(m.providerMessageID),
            "conversation_id": .string(String(m.conversationID)), "contact_id": .string(String(m.contactID)),
            "channel": .string(m.channel), "direction": .string(m.direction.rawValue), "type": .string(m.type),
            "text": .string(m.text), "status": .optional(m.status?.rawValue), "error_code": .optional(m.errorCode),
            "timestamp": .string(iso(m.timestamp)), "phone": .optional(m.phone), "bsuid": .optional(m.bsuid),
            "parent_bsuid": .optional(m.parentBSUID), "username": .optional(m.username),
            "identity_source": .string(m.identitySource.rawValue),
        ])
    }

    static func quarantine(_ q: QuarantineRecord) -> JSONValue {
        .object([
            "id": .string(String(q.id)), "received_at": .string(iso(q.receivedAt)), "provider": .optional(q.provider),
            "channel": .optional(q.channel), "reason": .string(q.reason), "size": .int(q.size),
        ])
    }

    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }
}

/// Prints to standard output.
enum StandardOutput {
    /// Human-readable output: every line terminal-safe (line breaks kept).
    static func text(_ text: String) {
        print(TerminalSafeText.make(text, lines: .keep))
    }

    static func json(_ value: JSONValue) {
        print(value.serialized(pretty: true))
    }
}
