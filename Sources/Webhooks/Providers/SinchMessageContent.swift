import Identity
import JSON

/// Sinch LATAM inbound `message` objects (`type` in upper case) → `MessageContent`.
enum SinchMessageContent {
    static let mediaKinds: Set<String> = ["image", "video", "audio", "document", "voice"]

    static func decode(_ message: JSONValue?) -> MessageContent {
        let type = message["type"].nonEmptyText?.lowercased() ?? (message["messageText"] != nil ? "text" : "unknown")
        switch type {
        case "text":
            return .text(message["messageText"].text ?? message["text"].text ?? "")
        case _ where mediaKinds.contains(type):
            return .media(kind: type, caption: message["caption"].nonEmptyText
                ?? message["messageText"].nonEmptyText ?? message["fileName"].nonEmptyText)
        case "location":
            let place = message["location"] ?? message
            return .location(latitude: place["latitude"].double, longitude: place["longitude"].double,
                             name: place["name"].nonEmptyText, address: place["address"].nonEmptyText)
        case "button", "interactive":
            let reply = message["button"] ?? message["interactive"]["buttonReply"]
                ?? message["interactive"]["listReply"] ?? message
            return .interactive(
                title: reply["text"].text ?? reply["title"].text ?? message["messageText"].text ?? "",
                replyID: reply["payload"].nonEmptyText ?? reply["id"].nonEmptyText)
        case "reaction":
            let reaction = message["reaction"] ?? message
            return .reaction(emoji: reaction["emoji"].text ?? "", messageID: reaction["messageId"].nonEmptyText)
        default:
            return .unsupported(type: type)
        }
    }
}
