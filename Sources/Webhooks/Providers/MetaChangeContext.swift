import Foundation
import Identity
import JSON

/// Decodes the messages, statuses and identity updates of one Meta `changes[].value`.
struct MetaChangeContext {
    let channel: ChannelAddress
    let contacts: [MetaContact]
    let receivedAt: Date

    /// Adds what the contact block sharing an identifier says (name, username, the phone).
    /// Only blocks that match are used: identities are joined per message, never per POST.
    func enrich(_ identity: CustomerIdentity) -> CustomerIdentity {
        var merged = identity
        if let contact = contacts.first(where: { $0.matches(identity) }) {
            merged.absorb(contact.identity)
        } else if !identity.hasUsableIdentifier, contacts.count == 1, let only = contacts.first {
            merged.absorb(only.identity)
        }
        return merged
    }

    func decodeMessage(_ json: JSONValue, into result: inout DecodedWebhook) {
        guard let id = json["id"].nonEmptyText else {
            result.rejected.append("message without an id")
            return
        }
        let timestamp = Timestamps.parse(json["timestamp"]) ?? receivedAt
        let type = json["type"].nonEmptyText ?? "unknown"
        if type == "system" {
            decodeSystem(json, id: id, timestamp: timestamp, into: &result)
            return
        }
        var sender = CustomerIdentity()
        sender.absorb(json["from"].text, field: "messages.from")
        sender.absorb(json["from_user_id"].text, field: "messages.from_user_id")
        sender.absorb(json["from_parent_user_id"].text, field: "messages.from_parent_user_id")
        sender.note(username: json["username"].text)
        let content = MetaMessageContent.decode(json, type: type)
        // A phone shared through Meta's "request contact info" button belongs to the sender.
        if type == "contacts" {
            for card in json["contacts"].array where card["origin"].text == "contact_request" {
                for phone in card["phones"].array {
                    sender.absorb(phone["wa_id"].text ?? phone["phone"].text, field: "contacts.phones")
                    if sender.sharedPhone == nil { sender.sharedPhone = sender.phone }
                }
            }
        }
        let customer = enrich(sender)
        guard customer.hasUsableIdentifier else {
            result.rejected.append("message \(id): no usable sender identifier"
                + MetaChangeContext.why(customer))
            return
        }
        result.events.append(.message(InboundMessage(
            channel: channel, id: id, timestamp: timestamp, customer: customer, content: content)))
    }

    func decodeStatus(_ json: JSONValue, into result: inout DecodedWebhook) {
        guard let id = json["id"].nonEmptyText else {
            result.rejected.append("status without a message id")
            return
        }
        guard let raw = json["status"].nonEmptyText, let status = DeliveryStatus(providerValue: raw) else {
            // An unknown status word never costs the body: skipped, the rest still applies.
            result.ignored.append("status for \(id): unknown value \(json["status"].text ?? "null"), skipped")
            return
        }
        var recipient = CustomerIdentity()
        recipient.absorb(json["recipient_id"].text, field: "statuses.recipient_id")
        recipient.absorb(json["recipient_user_id"].text, field: "statuses.recipient_user_id")
        recipient.absorb(json["recipient_parent_user_id"].text, field: "statuses.recipient_parent_user_id")
        recipient.absorb(json["parent_recipient_user_id"].text, field: "statuses.parent_recipient_user_id")
        let error = json["errors"].array.first.map { error in
            ProviderError(
                code: error["code"].text ?? "unknown",
                title: error["title"].nonEmptyText,
                message: error["message"].nonEmptyText ?? error["error_data"]["details"].nonEmptyText)
        }
        result.events.append(.status(StatusUpdate(
            channel: channel, messageID: id, status: status,
            timestamp: Timestamps.parse(json["timestamp"]) ?? receivedAt,
            customer: enrich(recipient), error: error)))
    }

    /// `user_changed_number` / `user_changed_user_id` system messages. Never parses `body`.
    private func decodeSystem(_ json: JSONValue, id: String, timestamp: Date, into result: inout DecodedWebhook) {
        let system = json["system"]
        let kind: IdentityChange.Kind
        switch system["type"].text {
        case "user_changed_number", "customer_changed_number": kind = .changedNumber
        case "user_changed_user_id": kind = .changedUserID
        case "customer_identity_changed", "user_identity_changed":
            // The security code changed (a new device): NOT an identifier change (SPEC §2). The
            // body stays in the log for the timeline; identifiers are left as they are.
            result.ignored.append("system message \(id): \(system["type"].text ?? ""), the customer's security code changed; identifiers unchanged")
            return
        default:
            result.rejected.append("system message \(id): type \(system["type"].text ?? "null") is not handled")
            return
        }
        var previous = CustomerIdentity()
        var current = CustomerIdentity()
        let from = json["from"].text
        switch kind {
        case .changedNumber:
            previous.absorb(from, field: "messages.from")
            current.absorb(system["wa_id"].text ?? system["new_wa_id"].text, field: "system.wa_id")
        case .changedUserID, .userIDUpdate:
            // The phone did not change: it identifies the customer on both sides.
            previous.absorb(from, field: "messages.from")
            current.absorb(from, field: "messages.from")
            current.absorb(system["wa_id"].text, field: "system.wa_id")
        }
        previous.absorb(system["previous_user_id"].text ?? json["from_user_id"].text, field: "system.previous_user_id")
        previous.absorb(system["previous_parent_user_id"].text ?? json["from_parent_user_id"].text,
                        field: "system.previous_parent_user_id")
        current.absorb(system["user_id"].text, field: "system.user_id")
        current.absorb(system["parent_user_id"].text, field: "system.parent_user_id")
        append(kind: kind, id: id, timestamp: timestamp, previous: previous, current: current, into: &result)
    }

    /// The `user_id_update` field (withdrawn by Meta in August 2026, still seen in recordings).
    func decodeUserIDUpdate(_ json: JSONValue, into result: inout DecodedWebhook) {
        var previous = CustomerIdentity()
        var current = CustomerIdentity()
        previous.absorb(json["wa_id"].text, field: "user_id_update.wa_id")
        current.absorb(json["wa_id"].text, field: "user_id_update.wa_id")
        previous.absorb(json["user_id"]["previous"].text, field: "user_id.previous")
        current.absorb(json["user_id"]["current"].text, field: "user_id.current")
        previous.absorb(json["parent_user_id"]["previous"].text, field: "parent_user_id.previous")
        current.absorb(json["parent_user_id"]["current"].text, field: "parent_user_id.current")
        let key = "user_id_update:" + (previous.identifiers + current.identifiers).map(\.value).joined(separator: ">")
        append(kind: .userIDUpdate, id: key, timestamp: Timestamps.parse(json["timestamp"]) ?? receivedAt,
               previous: previous, current: current, into: &result)
    }

    /// One `user_preferences[]` item: `marketing_messages` `stop` or `resume` from this number.
    func decodePreference(_ json: JSONValue, into result: inout DecodedWebhook) {
        guard json["category"].text == "marketing_messages" else {
            result.ignored.append("user preference \(json["category"].text ?? "?") carries nothing for the inbox")
            return
        }
        let stopped: Bool
        switch json["value"].text?.lowercased() {
        case "stop": stopped = true
        case "resume": stopped = false
        case let other:
            result.rejected.append("marketing preference \"\(other ?? "")\" is neither stop nor resume")
            return
        }
        var customer = CustomerIdentity()
        customer.absorb(json["wa_id"].text, field: "user_preferences.wa_id")
        customer.absorb(json["user_id"].text, field: "user_preferences.user_id")
        customer.absorb(json["parent_user_id"].text, field: "user_preferences.parent_user_id")
        let enriched = enrich(customer)
        guard enriched.hasUsableIdentifier else {
            result.rejected.append("marketing preference: no usable customer identifier" + MetaChangeContext.why(enriched))
            return
        }
        result.events.append(.marketingPreference(MarketingPreference(
            channel: channel, customer: enriched, stopped: stopped,
            timestamp: Timestamps.parse(json["timestamp"]) ?? receivedAt)))
    }

    private func append(kind: IdentityChange.Kind, id: String, timestamp: Date,
                        previous: CustomerIdentity, current: CustomerIdentity, into result: inout DecodedWebhook) {
        guard previous.hasUsableIdentifier || current.hasUsableIdentifier else {
            result.rejected.append("\(kind.rawValue) \(id): no usable identifiers" + MetaChangeContext.why(current))
            return
        }
        result.events.append(.identityChange(IdentityChange(
            channel: channel, kind: kind, id: id, timestamp: timestamp,
            previous: enrich(previous), current: current)))
    }

    static func why(_ identity: CustomerIdentity) -> String {
        identity.rejected.isEmpty ? "" : " (" + identity.rejected.map(\.description).joined(separator: "; ") + ")"
    }
}
