import JSON

/// Connectly inbound `message` objects (`text`, `attachments[]`, button responses,
/// reactions, locations) → `MessageContent`.
enum ConnectlyMessageContent {
    static let mediaKinds: Set<String> = ["image", "video", "audio", "document", "voice", "file"]

    static func decode(_ message: JSONValue?) -> MessageContent {
        if let attachment = message["attachments"].array.first {
            let kind = attachment["type"].nonEmptyText?.lowercased() ?? "document"
            guard mediaKinds.contains(kind) else { return .unsupported(type: kind) }
            return .media(kind: kind == "file" ? "document" : kind,
                          caption: attachment["caption"].nonEmptyText ?? message["text"].nonEmptyText)
        }
        if let reaction = message["reaction"], reaction.object != nil {
            return .reaction(emoji: reaction["emoji"].text ?? "", messageID: reaction["messageId"].nonEmptyText)
        }
        if let location = message["location"], location.object != nil {
            return .location(latitude: location["latitude"].double, longitude: location["longitude"].double,
                             name: location["name"].nonEmptyText, address: location["address"].nonEmptyText)
        }
        if message["isButtonResponse"].bool == true {
            return .interactive(title: message["text"].text ?? "",
                                replyID: message["buttonPayload"].nonEmptyText ?? message["payload"].nonEmptyText)
        }
        if let text = message["text"].text {
            return .text(text)
        }
        return .unsupported(type: message["type"].nonEmptyText ?? "unknown")
    }
}
