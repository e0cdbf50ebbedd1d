import Foundation
import Identity
import JSON

/// One Kapso v2 payload. Inbound messages become messages; outbound ones (`sent`,
/// `delivered`, `read`, `failed` events) become delivery statuses. The customer is described
/// by the Meta-style message fields and by the `conversation` / `contact` blocks.
struct KapsoPayload {
    let json: JSONValue
    /// `whatsapp.message.received`… when known (batch `type`); single bodies name it only in a header.
    let eventName: String?
    let receivedAt: Date

    var message: JSONValue? { json["message"] }

    var channel: ChannelAddress {
        ChannelAddress(
            provider: .kapso,
            number: json["display_phone_number"].nonEmptyText,
            id: json["phone_number_id"].nonEmptyText ?? json["conversation"]["phone_number_id"].nonEmptyText
                ?? message["phone_number_id"].nonEmptyText)
    }

    func decode(into result: inout DecodedWebhook) {
        guard message?.object != nil else {
            // conversation.created / ended / inactive: valid, nothing for the inbox (SPEC §2).
            result.ignored.append("Kapso \(eventName ?? "conversation") event carries no message")
            return
        }
        guard let id = message["id"].nonEmptyText else {
            result.rejected.append("Kapso message without an id")
            return
        }
        if isInbound {
            decodeInbound(id: id, into: &result)
        } else {
            decodeStatus(id: id, into: &result)
        }
    }

    /// `kapso.direction`, else the event name, else which Meta-style fields are present.
    var isInbound: Bool {
        if let direction = message["kapso"]["direction"].nonEmptyText?.lowercased() {
            return direction == "inbound"
        }
        if let eventName {
            return eventName.hasSuffix(".received")
        }
        return message["to"] == nil && message["to_user_id"] == nil
    }

    /// What the conversation and contact blocks say about the customer.
    var conversationIdentity: CustomerIdentity {
        var identity = CustomerIdentity()
        let conversation = json["conversation"]
        identity.absorb(conversation["phone_number"].text, field: "conversation.phone_number")
        identity.absorb(conversation["business_scoped_user_id"].text, field: "conversation.business_scoped_user_id")
        identity.absorb(conversation["parent_business_scoped_user_id"].text,
                        field: "conversation.parent_business_scoped_user_id")
        identity.note(username: conversation["username"].text)
        // v1 puts the name beside the ids; v2 under the conversation's `kapso` block.
        identity.note(name: conversation["contact_name"].text ?? conversation["kapso"]["contact_name"].text)
        let contact = json["contact"]
        identity.absorb(contact["wa_id"].text, field: "contact.wa_id")
        identity.absorb(contact["business_scoped_user_id"].text, field: "contact.business_scoped_user_id")
        identity.absorb(contact["parent_business_scoped_user_id"].text, field: "contact.parent_business_scoped_user_id")
        identity.note(username: contact["username"].text)
        identity.note(name: contact["profile_name"].text ?? contact["display_name"].text ?? contact["name"].text)
        return identity
    }

    private func decodeInbound(id: String, into result: inout DecodedWebhook) {
        var sender = CustomerIdentity()
        sender.absorb(message["from"].text, field: "message.from")
        sender.absorb(message["from_user_id"].text, field: "message.from_user_id")
        sender.absorb(message["from_parent_user_id"].text, field: "message.from_parent_user_id")
        sender.absorb(message["business_scoped_user_id"].text, field: "message.business_scoped_user_id")
        sender.absorb(message["parent_business_scoped_user_id"].text, field: "message.parent_business_scoped_user_id")
        sender.note(username: message["username"].text)
        sender.note(name: message["profile"]["name"].text)
        sender.absorb(conversationIdentity)
        guard sender.hasUsableIdentifier else {
            result.rejected.append("message \(id): no usable sender identifier" + sender.rejectionNote)
            return
        }
        let timestamp = Timestamps.parse(message["timestamp"]) ?? Timestamps.parse(message["kapso"]["created_at"])
            ?? receivedAt
        result.events.append(.message(InboundMessage(
            channel: channel, id: id, timestamp: timestamp, customer: sender, content: content)))
    }

    /// Meta-style content; Kapso's text rendering (`kapso.content`) stands in when the
    /// type's own block is missing.
    private var content: MessageContent {
        guard let message else { return .unsupported(type: "unknown") }
        let type = message["type"].nonEmptyText ?? "text"
        if type == "text", message["text"]["body"].text == nil {
            return .text(message["kapso"]["content"].text ?? message["text"].text ?? "")
        }
        return MetaMessageContent.decode(message, type: type)
    }

    private func decodeStatus(id: String, into result: inout DecodedWebhook) {
        let kapso = message["kapso"]
        let history = kapso["statuses"].array
        let word = kapso["status"].nonEmptyText ?? message["status"].nonEmptyText
            ?? eventName.flatMap { $0.split(separator: ".").last.map(String.init) }
        guard let word, let status = DeliveryStatus(lenientValue: word) else {
            result.rejected.append("status for \(id): unknown value \(kapso["status"].text ?? "null")")
            return
        }
        let latest = history.last { DeliveryStatus(lenientValue: $0["status"].text ?? "") == status }
        var recipient = CustomerIdentity()
        recipient.absorb(message["to"].text, field: "message.to")
        recipient.absorb(message["to_user_id"].text, field: "message.to_user_id")
        recipient.absorb(message["to_parent_user_id"].text, field: "message.to_parent_user_id")
        recipient.absorb(message["recipient_id"].text, field: "message.recipient_id")
        recipient.absorb(message["recipient_user_id"].text, field: "message.recipient_user_id")
        recipient.absorb(conversationIdentity)
        let failure = (latest?["errors"].array.first) ?? message["errors"].array.first
            ?? kapso["errors"].array.first ?? kapso["error"].flatMap { $0.object == nil ? nil : $0 }
        let error = failure.map { error in
            ProviderError(
                code: error["code"].text ?? "unknown", title: error["title"].nonEmptyText,
                message: error["message"].nonEmptyText ?? error["error_data"]["details"].nonEmptyText)
        }
        let timestamp = Timestamps.parse(latest?["timestamp"]) ?? Timestamps.parse(kapso["status_updated_at"])
            ?? Timestamps.parse(message["timestamp"]) ?? receivedAt
        result.events.append(.status(StatusUpdate(
            channel: channel, messageID: id, status: status, timestamp: timestamp,
            customer: recipient, error: error)))
    }
}
