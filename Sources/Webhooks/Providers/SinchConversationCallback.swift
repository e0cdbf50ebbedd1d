import Foundation
import Identity
import JSON

/// One Sinch Conversation API callback: `{"app_id", "project_id", "event_time", …}` with one
/// trigger's object — `message` (MESSAGE_INBOUND: `contact_message` from a contact),
/// `message_delivery_report` (MESSAGE_DELIVERY), or another trigger (contact, conversation,
/// channel events) that carries nothing for the inbox. The app is the channel (`app_id` is the
/// channel's `id` in the config); `channel_identity.identity` is the customer's phone or, for a
/// WhatsApp username customer, their BSUID. Sinch's own `contact_id` is not a WhatsApp
/// identifier and stays in the raw log only.
struct SinchConversationCallback {
    let json: JSONValue
    let receivedAt: Date

    /// Whether `body` has this shape: an `app_id` and one of the trigger objects.
    static func recognizes(_ body: JSONValue) -> Bool {
        guard body.object != nil, body["app_id"].nonEmptyText != nil else { return false }
        return body["message"]?.object != nil || body["message_delivery_report"]?.object != nil
            || triggers.contains { body[$0]?.object != nil }
    }

    /// Triggers without a message or a delivery report (kept, counted `ignored`).
    static let triggers = [
        "event", "event_delivery_report", "contact_create_notification", "contact_delete_notification",
        "contact_merge_notification", "contact_update_notification", "contact_identities_duplication_notification",
        "conversation_start_notification", "conversation_stop_notification", "conversation_delete_notification",
        "opt_in_notification", "opt_out_notification", "capability_notification", "channel_event",
        "unsupported_callback", "smart_conversation_notification", "message_submit_notification",
        "record_notification",
    ]

    var channel: ChannelAddress {
        ChannelAddress(provider: .sinch, id: json["app_id"].nonEmptyText)
    }

    func decode(into result: inout DecodedWebhook) {
        if let message = json["message"], message.object != nil {
            decodeMessage(message, into: &result)
        } else if let report = json["message_delivery_report"], report.object != nil {
            decodeReport(report, into: &result)
        } else {
            let trigger = Self.triggers.first { json[$0]?.object != nil } ?? "unknown"
            result.ignored.append("Sinch Conversation API \(trigger) carries no conversation")
        }
    }

    /// The customer behind a channel identity: the identity classified by form.
    private func customer(_ identity: JSONValue?) -> CustomerIdentity {
        var customer = CustomerIdentity()
        customer.absorb(identity["identity"].text, field: "channel_identity.identity")
        return customer
    }

    private func decodeMessage(_ message: JSONValue, into result: inout DecodedWebhook) {
        guard let id = message["id"].nonEmptyText else {
            result.rejected.append("Sinch message without an id")
            return
        }
        let identity = message["channel_identity"]
        guard Self.isWhatsApp(identity) else {
            result.ignored.append("Sinch message \(id) on \(identity["channel"].text ?? "an unknown channel"), not WhatsApp")
            return
        }
        guard message["direction"].text != "TO_CONTACT", let contactMessage = message["contact_message"] else {
            // An app message echoed back (sent by this or another integration): nothing inbound.
            result.ignored.append("Sinch message \(id) goes to the contact (an app message)")
            return
        }
        let customer = customer(identity)
        guard customer.hasUsableIdentifier else {
            result.rejected.append("message \(id): no usable sender identifier" + customer.rejectionNote)
            return
        }
        let timestamp = Timestamps.parse(message["accept_time"]) ?? Timestamps.parse(json["accepted_time"])
            ?? Timestamps.parse(json["event_time"]) ?? receivedAt
        var content = SinchConversationContent.decode(contactMessage)
        if let replyTo = contactMessage["reply_to"]["message_id"].nonEmptyText {
            content = content.annotated("reply to \(replyTo)")
        }
        result.events.append(.message(InboundMessage(channel: channel, id: id, timestamp: timestamp,
                                                     customer: customer, content: content)))
    }

    private func decodeReport(_ report: JSONValue, into result: inout DecodedWebhook) {
        guard let id = report["message_id"].nonEmptyText else {
            result.rejected.append("Sinch delivery report without a message id")
            return
        }
        guard Self.isWhatsApp(report["channel_identity"]) else {
            result.ignored.append("Sinch delivery report for \(id) on \(report["channel_identity"]["channel"].text ?? "?"), not WhatsApp")
            return
        }
        let word = report["status"].text ?? ""
        guard let status = Self.status(word) else {
            result.ignored.append("Sinch delivery report for \(id): status \"\(word)\" moves nothing")
            return
        }
        let reason = report["reason"]
        let error = status == .failed
            ? ProviderError(code: reason["code"].nonEmptyText ?? "FAILED", title: reason["sub_code"].nonEmptyText,
                            message: reason["description"].nonEmptyText)
            : nil
        result.events.append(.status(StatusUpdate(
            channel: channel, messageID: id, status: status,
            timestamp: Timestamps.parse(json["event_time"]) ?? Timestamps.parse(json["accepted_time"]) ?? receivedAt,
            customer: customer(report["channel_identity"]), error: error)))
    }

    /// `QUEUED_ON_CHANNEL` → sent, `DELIVERED`, `READ`, `FAILED`; `SWITCHING_CHANNEL` and
    /// unknown words move nothing.
    static func status(_ word: String) -> DeliveryStatus? {
        switch word.uppercased() {
        case "QUEUED_ON_CHANNEL": .sent
        case "DELIVERED": .delivered
        case "READ": .read
        case "FAILED": .failed
        default: nil
        }
    }

    private static func isWhatsApp(_ identity: JSONValue?) -> Bool {
        (identity["channel"].text ?? "WHATSAPP").uppercased() == "WHATSAPP"
    }
}

/// Conversation API contact messages → `MessageContent`.
enum SinchConversationContent {
    static func decode(_ message: JSONValue) -> MessageContent {
        if let text = message["text_message"] {
            return .text(text["text"].text ?? "")
        }
        if let media = message["media_message"] ?? message["media_card_message"] {
            let mime = media["mime_type"].text ?? ""
            let kind = ["image", "video", "audio"].first { mime.hasPrefix($0 + "/") } ?? "document"
            return .media(kind: kind, caption: media["caption"].nonEmptyText ?? media["filename_"].nonEmptyText
                          ?? media["filename"].nonEmptyText)
        }
        if let location = message["location_message"] {
            return .location(latitude: location["coordinates"]["latitude"].double,
                             longitude: location["coordinates"]["longitude"].double,
                             name: location["title"].nonEmptyText, address: location["label"].nonEmptyText)
        }
        if let choice = message["choice_response_message"] {
            let postback = choice["postback_data"].nonEmptyText
            return .interactive(title: postback ?? "choice", replyID: postback)
        }
        if let product = message["product_response_message"] {
            let items = product["products"].array.count
            return .notice(type: "order", text: "[order] \(items) item\(items == 1 ? "" : "s")"
                           + (product["title"].nonEmptyText.map { ": \($0)" } ?? ""))
        }
        if let fallback = message["fallback_message"] {
            let reason = fallback["reason"]
            return .notice(type: "unsupported", text: "[unsupported] "
                           + (reason["description"].nonEmptyText ?? reason["code"].nonEmptyText ?? "a message Sinch could not convert"))
        }
        return .unsupported(type: message.object?.keys.sorted().first ?? "unknown")
    }
}
