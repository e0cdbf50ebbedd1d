import Identity
import JSON
import Webhooks

/// Sinch LATAM Messaging send: `destinations[].destination` holds a phone or a BSUID alike.
enum SinchRequest: ProviderRequestShape {
    static func url(for channel: Channel, message: OutgoingMessage) throws(RequestError) -> String {
        try configuredSendURL(channel)
    }

    static func authHeader(token: String) -> HTTPHeaderField {
        HTTPHeaderField("AuthenticationToken", token)
    }

    static func body(plan: ReplyPlan, message: OutgoingMessage) -> JSONValue {
        let content: JSONValue = switch message {
        case .text(let text):
            ["messageText": .string(text)]
        case .template(let template):
            ["template": [
                "templateName": .string(template.name),
                "language": .string(template.language),
                "bodyParameters": .array(template.parameters.map { .string($0) }),
            ]]
        }
        return [
            "destinations": [["destination": .string(plan.identifier.value)]],
            "message": content,
        ]
    }
}
