import Foundation
import Identity
import Webhooks

/// Applies one webhook's events inside the ingest transaction.
struct IngestWriter {
    let db: any SQLSession
    let rawEventID: Int64
    let cache: IngestCache

    /// Returns how many events were new and how many were already known.
    mutating func apply(_ events: [(event: InboundEvent, channel: Channel)]) throws -> (applied: Int, skipped: Int) {
        var applied = 0
        var skipped = 0
        for (event, channel) in events {
            let isNew: Bool
            switch event {
            case .message(let message): isNew = try apply(message, on: channel)
            case .status(let status): isNew = try apply(status, on: channel)
            case .identityChange(let change): isNew = try apply(change, on: channel)
            case .marketingPreference(let preference): isNew = try apply(preference, on: channel)
            }
            if isNew { applied += 1 } else { skipped += 1 }
        }
        return (applied, skipped)
    }

    private mutating func apply(_ message: InboundMessage, on channel: Channel) throws -> Bool {
        let exists = try db.value(Bool.self, sql: "SELECT 1 FROM message WHERE channel = ? AND provider_message_id = ?",
            arguments: [channel.name, message.id]) ?? false
        if exists { return false }
        let time = message.timestamp.timeIntervalSince1970
        var contacts = ContactWriter(db: db, rawEventID: rawEventID, cache: cache)
        let contact = try contacts.resolve(message.customer, on: channel, at: time)
        var conversations = ConversationWriter(db: db, cache: cache)
        let conversation = try conversations.conversation(channel: channel.name, contact: contact)
        let customer = message.customer
        try db.run(
            sql: """
                INSERT INTO message (conversation_id, channel, provider_message_id, direction, type, text,
                    timestamp, phone, bsuid, parent_bsuid, username, raw_event_id)
                VALUES (?, ?, ?, 'in', ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [conversation.id, channel.name, message.id, message.content.typeName,
                        message.content.displayText, time, customer.phone, customer.bsuid,
                        customer.parentBSUID, customer.username, rawEventID])
        try conversations.recordMessage(in: conversation, channel: channel.name, contact: contact,
                                        at: time, preview: message.content.displayText, inbound: true)
        return true
    }

    private mutating func apply(_ status: StatusUpdate, on channel: Channel) throws -> Bool {
        var recipient: ContactID?
        if status.customer.hasUsableIdentifier {
            var contacts = ContactWriter(db: db, rawEventID: rawEventID, cache: cache)
            recipient = try contacts.resolve(status.customer, on: channel, at: status.timestamp.timeIntervalSince1970)
        }
        let applied = try StatusApplier(db: db).apply(status, channel: channel.name, rawEventID: rawEventID)
        // 131050: "the user has stopped marketing messages" — their preference, learned from a send.
        if status.status == .failed, status.error?.code == "131050" {
            let sentTo = try db.value(ContactID.self, sql: """
                SELECT c.contact_id FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE m.channel = ? AND m.provider_message_id = ?
                """, arguments: [channel.name, status.messageID])
            if let contact = sentTo ?? recipient {
                try MarketingEvents.record(contact: contact, channel: channel.name, stopped: true, reason: "error 131050",
                                           at: status.timestamp.timeIntervalSince1970, rawEventID: rawEventID, db: db)
            }
        }
        return applied
    }

    private mutating func apply(_ preference: MarketingPreference, on channel: Channel) throws -> Bool {
        var contacts = ContactWriter(db: db, rawEventID: rawEventID, cache: cache)
        let contact = try contacts.resolve(preference.customer, on: channel, at: preference.timestamp.timeIntervalSince1970)
        try MarketingEvents.record(contact: contact, channel: channel.name, stopped: preference.stopped,
                                   reason: preference.stopped ? "user_preferences stop" : "user_preferences resume",
                                   at: preference.timestamp.timeIntervalSince1970, rawEventID: rawEventID, db: db)
        return true
    }

    private mutating func apply(_ change: IdentityChange, on channel: Channel) throws -> Bool {
        var contacts = ContactWriter(db: db, rawEventID: rawEventID, cache: cache)
        let changed = try contacts.applyChange(change, on: channel)
        return changed
    }
}
