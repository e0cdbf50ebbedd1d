import JSON

/// ACS `AdvancedMessageReceived` data (`messageType`, `content`, `media`, `interactive`,
/// `button`, `reaction`) → `MessageContent`.
enum AzureMessageContent {
    static let mediaKinds: Set<String> = ["image", "video", "audio", "document", "voice"]

    static func decode(_ data: JSONValue?) -> MessageContent {
        let type = data["messageType"].nonEmptyText?.lowercased() ?? (data["content"] != nil ? "text" : "unknown")
        switch type {
        case "text":
            return .text(data["content"].text ?? "")
        case _ where mediaKinds.contains(type):
            let media = data["media"]
            return .media(kind: type, caption: media["caption"].nonEmptyText ?? media["fileName"].nonEmptyText
                ?? data["content"].nonEmptyText)
        case "interactive":
            let interactive = data["interactive"]
            let reply = interactive["buttonReply"] ?? interactive["listReply"]
            return .interactive(title: reply["title"].text ?? data["content"].text ?? "",
                                replyID: reply["id"].nonEmptyText)
        case "button":
            return .interactive(title: data["button"]["text"].text ?? data["content"].text ?? "",
                                replyID: data["button"]["payload"].nonEmptyText)
        case "reaction":
            return .reaction(emoji: data["reaction"]["emoji"].text ?? "",
                             messageID: data["reaction"]["messageId"].nonEmptyText)
        default:
            return .unsupported(type: type)
        }
    }
}
