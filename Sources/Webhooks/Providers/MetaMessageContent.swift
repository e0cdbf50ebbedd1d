import JSON

/// Meta message types → `MessageContent`. Unknown types are kept as unsupported.
enum MetaMessageContent {
    static let mediaKinds: Set<String> = ["image", "video", "audio", "document", "voice"]

    static func decode(_ json: JSONValue, type: String) -> MessageContent {
        let part = json[type]
        switch type {
        case "text":
            return .text(part["body"].text ?? "")
        case _ where mediaKinds.contains(type):
            return .media(kind: type, caption: part["caption"].nonEmptyText ?? part["filename"].nonEmptyText)
        case "interactive":
            let reply = part["button_reply"] ?? part["list_reply"] ?? part["nfm_reply"]
            return .interactive(title: reply["title"].text ?? reply["name"].text ?? part["type"].text ?? "",
                                replyID: reply["id"].nonEmptyText)
        case "button":
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
        default:
            return .unsupported(type: type)
        }
    }
}
