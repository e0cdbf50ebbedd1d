import Foundation
import JSON

/// Meta message objects → `MessageContent` (also the Meta-shaped messages Kapso and Webex
/// Connect forward). Unknown types are kept as unsupported; context Meta adds around the
/// content (a reply, a forward, the ad or product it came from) is kept as notes in front.
enum MetaMessageContent {
    static let mediaKinds: Set<String> = ["image", "video", "audio", "document", "voice", "sticker"]

    static func decode(_ json: JSONValue, type: String) -> MessageContent {
        annotate(content(json, type: type), from: json)
    }

    private static func content(_ json: JSONValue?, type: String) -> MessageContent {
        let part = json[type]
        switch type {
        case "text":
            return .text(part["body"].text ?? "")
        case "audio" where part["voice"].bool == true:
            return .media(kind: "voice", caption: nil)
        case _ where mediaKinds.contains(type):
            return .media(kind: type, caption: part["caption"].nonEmptyText ?? part["filename"].nonEmptyText)
        case "interactive":
            return interactive(part)
        case "button":
            // A template's quick-reply button.
            return .interactive(title: part["text"].text ?? "", replyID: part["payload"].nonEmptyText)
        case "reaction":
            return .reaction(emoji: part["emoji"].text ?? "", messageID: part["message_id"].nonEmptyText)
        case "location":
            return .location(latitude: part["latitude"].double, longitude: part["longitude"].double,
                             name: part["name"].nonEmptyText, address: part["address"].nonEmptyText)
        case "contacts":
            let cards = json["contacts"].array
            return .contacts(
                names: cards.compactMap { $0["name"]["formatted_name"].nonEmptyText },
                phones: cards.flatMap { $0["phones"].array.compactMap { $0["phone"].nonEmptyText } })
        case "order":
            return order(part)
        case "edit":
            // The edited message comes whole; shown as its new content.
            let edited = part["message"]
            let inner = content(edited, type: edited["type"].text ?? "text")
            return inner.annotated("edited" + (part["original_message_id"].nonEmptyText.map { " \($0)" } ?? ""))
        case "revoke":
            return .notice(type: "revoke", text: "[message deleted by the customer]"
                           + (part["original_message_id"].nonEmptyText.map { " \($0)" } ?? ""))
        case "unsupported", "unknown":
            // Meta names why it could not pass the message on: 131051 "Message type unknown",
            // 131060 "This message is unavailable" (often the first message from an ad, in
            // coexistence). Older bodies say `type: "unknown"` and put the text in `details`.
            let error = json["errors"].array.first ?? part["errors"].array.first
            let title = error?["title"].nonEmptyText ?? error?["message"].nonEmptyText ?? error?["details"].nonEmptyText
                ?? "a message type Meta does not deliver"
            let code = error?["code"].text.map { " (\($0))" } ?? ""
            return .notice(type: "unsupported", text: "[unsupported] \(title)\(code)")
        default:
            return .unsupported(type: type)
        }
    }

    /// `button_reply` / `list_reply` (a tapped button or list row) and `nfm_reply` (a Flow's answer).
    private static func interactive(_ part: JSONValue?) -> MessageContent {
        if let flow = part["nfm_reply"] {
            var text = "[flow reply] " + (flow["body"].nonEmptyText ?? flow["name"].nonEmptyText ?? "sent")
            if let answers = flow["response_json"].text.flatMap({ try? JSONParser.parse(Array($0.utf8)) }),
               let fields = answers.object?.keys.filter({ $0 != "flow_token" }).sorted(), !fields.isEmpty {
                text += " (" + fields.joined(separator: ", ") + ")"
            }
            return .notice(type: "nfm_reply", text: text)
        }
        let reply = part["button_reply"] ?? part["list_reply"]
        var title = reply["title"].text ?? part["type"].text ?? ""
        if let description = reply["description"].nonEmptyText { title += " — " + description }
        return .interactive(title: title, replyID: reply["id"].nonEmptyText)
    }

    /// `[order] 3 items, 37.50 EUR` (quantities × item prices, per currency).
    private static func order(_ part: JSONValue?) -> MessageContent {
        let items = part["product_items"].array
        let count = items.reduce(0) { $0 + max(0, Int(clamping: $1["quantity"].int64 ?? 1)) }
        var totals: [String: Double] = [:]
        for item in items {
            guard let price = item["item_price"].double, price.isFinite else { continue }
            let quantity = Double(max(0, item["quantity"].int64 ?? 1))
            totals[item["currency"].text ?? "", default: 0] += price * quantity
        }
        let money = totals.sorted { $0.key < $1.key }
            .map { String(format: "%.2f", $0.value) + ($0.key.isEmpty ? "" : " \($0.key)") }
        var text = "[order] \(count) item\(count == 1 ? "" : "s")"
        if !money.isEmpty { text += ", " + money.joined(separator: " + ") }
        if let note = part["text"].nonEmptyText { text += ": " + note }
        return .notice(type: "order", text: text)
    }

    /// Notes from `context` (reply, forward, product asked about) and `referral` (the
    /// click-to-WhatsApp ad or post the customer came from).
    private static func annotate(_ content: MessageContent, from json: JSONValue) -> MessageContent {
        var notes: [String] = []
        let context = json["context"]
        if context["frequently_forwarded"].bool == true {
            notes.append("forwarded many times")
        } else if context["forwarded"].bool == true {
            notes.append("forwarded")
        }
        if let product = context["referred_product"]["product_retailer_id"].nonEmptyText {
            notes.append("about product \(product)")
        } else if let original = context["id"].nonEmptyText, context["forwarded"].bool != true {
            notes.append("reply to \(original)")
        }
        let referral = json["referral"]
        if referral != nil {
            let what = referral["headline"].nonEmptyText ?? referral["source_url"].nonEmptyText
                ?? referral["source_id"].nonEmptyText ?? "unnamed"
            let kind = referral["source_type"].text == "post" ? "post" : "ad"
            notes.append("\(kind): \(what)")
        }
        return notes.reduce(content) { $0.annotated($1) }
    }
}
