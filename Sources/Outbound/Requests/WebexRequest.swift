import Identity
import JSON
import Webhooks

/// Webex Connect WhatsApp send: `destination[].waid` takes the phone or, failing that, the
/// BSUID (the planner already prefers the phone when both are known).
enum WebexRequest: ProviderRequestShape {
    static func url(for channel: Channel, message: OutgoingMessage) throws(RequestError) -> String {
        try configuredSendURL(channel)
    }

    static func authHeader(token: String) -> HTTPHeaderField {
        HTTPHeaderField("key", token)
    }

    static func body(plan: ReplyPlan, message: OutgoingMessage) -> JSONValue {
        let content: JSONValue = switch message {
        // A phone request never gets here: only Meta has one, the planner refuses the rest.
        case .text(let text), .requestPhone(let text, _):
            ["type": "text", "text": .string(text)]
        case .template(let template):
            [
                "type": "template",
                "template": .string(template.name),
                "language": .string(template.language),
                "parameters": .object(Dictionary(uniqueKeysWithValues: template.parameters.enumerated().map {
                    (String($0.offset + 1), JSONValue.string($0.element))
                })),
            ]
        }
        var body: [String: JSONValue] = [
            "deliverychannel": "whatsapp",
            "destination": [["waid": .string(plan.identifier.value)]],
            "message": content,
        ]
        if let number = plan.channel.number { body["from"] = .string(number) }
        if let id = plan.channel.id { body["appid"] = .string(id) }
        return .object(body)
    }
}
