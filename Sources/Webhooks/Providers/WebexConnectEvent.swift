import Foundation
import Identity
import JSON

/// One Webex Connect WhatsApp event (assumed shape, see `WebexConnectAdapter`): an incoming
/// message, or a delivery receipt when it carries a delivery `status` and no content.
struct WebexConnectEvent {
    let json: JSONValue
    let receivedAt: Date

    /// The first present value among `keys`, at the top level or in a `whatsapp` block
    /// (flow variables are named `whatsapp.bsuid`, `whatsapp.userHandle`).
    func field(_ keys: String...) -> JSONValue? {
        for key in keys {
            if let value = json[key] ?? json["whatsapp"][key], value != .null { return value }
        }
        return nil
    }

    var deliveryStatus: DeliveryStatus? {
        guard let word = field("status", "deliveryStatus", "deliveryState").nonEmptyText else { return nil }
        return DeliveryStatus(lenientValue: word)
    }

    var hasContent: Bool {
        field("message", "text", "content", "messageText", "media") != nil
    }

    func decode(into result: inout DecodedWebhook) {
        if let status = deliveryStatus, !hasContent {
            decodeStatus(status, into: &result)
        } else {
            decodeMessage(into: &result)
        }
    }

    /// The customer: legacy WAID (phone, or the BSUID as a fallback), `bsuid`, `userHandle`.
    func customer(legacyFallbackKey: String) -> CustomerIdentity {
        var identity = CustomerIdentity()
        identity.absorb(field("waid", "waId", legacyFallbackKey).text, field: "waid")
        identity.absorb(field("bsuid", "BSUID").text, field: "bsuid")
        identity.absorb(field("parentBsuid", "parentBSUID").text, field: "parentBsuid")
        identity.note(username: field("userHandle").text)
        identity.note(name: field("profileName", "name", "customerName").text)
        if let indicator = field("waidSource", "waidType", "sourceIndicator", "idSource").nonEmptyText {
            identity.legacyIDSource = Self.normalizedSource(indicator)
        }
        return identity
    }

    /// `native` for a real WAID, `bsuid` for the compatibility fallback, else as given.
    static func normalizedSource(_ raw: String) -> String {
        let value = raw.trimmingWhitespace().lowercased()
        switch value {
        case "native", "waid", "phone", "msisdn", "native_waid": return "native"
        case "bsuid", "fallback", "bsuid_fallback", "derived": return "bsuid"
        default: return value
        }
    }

    var id: String? {
        field("messageId", "messageid", "mid", "id", "tid").nonEmptyText
    }

    var timestamp: Date {
        Timestamps.parse(field("timestamp", "receivedAt", "time", "eventTime")) ?? receivedAt
    }

    private func decodeMessage(into result: inout DecodedWebhook) {
        let customer = customer(legacyFallbackKey: "from")
        let channel = ChannelAddress(provider: .webex, number: field("to", "businessNumber").nonEmptyText)
        let messageID = id ?? SyntheticMessageID.make(
            prefix: "webex", parts: [customer.identifiers.first?.value ?? "", json.serialized()])
        guard customer.hasUsableIdentifier else {
            result.rejected.append("message \(messageID): no usable sender identifier" + customer.rejectionNote)
            return
        }
        result.events.append(.message(InboundMessage(
            channel: channel, id: messageID, timestamp: timestamp, customer: customer, content: content)))
    }

    private func decodeStatus(_ status: DeliveryStatus, into result: inout DecodedWebhook) {
        guard let messageID = id else {
            result.rejected.append("delivery receipt without a message id")
            return
        }
        let failure = field("error")
        let code = field("errorCode", "statusCode").nonEmptyText ?? failure["code"].nonEmptyText
        let detail = field("reason", "description", "errorMessage").nonEmptyText ?? failure["message"].nonEmptyText
        let error: ProviderError? = status == .failed || failure?.object != nil
            ? ProviderError(code: code ?? "unknown", title: nil, message: detail) : nil
        result.events.append(.status(StatusUpdate(
            channel: ChannelAddress(provider: .webex, number: field("from", "businessNumber").nonEmptyText),
            messageID: messageID, status: status, timestamp: timestamp,
            customer: customer(legacyFallbackKey: "destination"), error: error)))
    }

    /// `message` as a string, a Meta-style object (`type`, `text.body`…), or flat
    /// `text` / `content` fields.
    private var content: MessageContent {
        let message = field("message")
        if let text = message?.text { return .text(text) }
        if let message, message.object != nil {
            let type = message["type"].nonEmptyText?.lowercased() ?? "text"
            if type == "text", message["text"]["body"].text == nil {
                return .text(message["text"].text ?? message["body"].text ?? "")
            }
            return MetaMessageContent.decode(message, type: type)
        }
        if let text = field("text", "content", "messageText").text { return .text(text) }
        return .unsupported(type: field("contentType", "type").nonEmptyText ?? "unknown")
    }
}
