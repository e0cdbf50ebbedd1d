import Identity
import JSON
import Webhooks

/// Connectly: session messages go to `…/send/messages` with the customer in `recipient`
/// (`id`/`phoneNumber` for a phone, `userId` = bare BSUID otherwise); templates go to
/// `…/send/whatsapp_templated_messages` (`template_url`) with `number` = phone or
/// `bsuid:<BSUID>`.
enum ConnectlyRequest: ProviderRequestShape {
    static func url(for channel: Channel, message: OutgoingMessage) throws(RequestError) -> String {
        if case .template = message, let url = channel.templateURL, !url.isEmpty { return url }
        return try configuredSendURL(channel)
    }

    static func authHeader(token: String) -> HTTPHeaderField {
        HTTPHeaderField("X-API-Key", token)
    }

    static func body(plan: ReplyPlan, message: OutgoingMessage) -> JSONValue {
        let identifier = plan.identifier
        switch message {
        // A phone request never gets here: only Meta has one, the planner refuses the rest.
        case .text(let text), .requestPhone(let text, _):
            var recipient: [String: JSONValue] = ["channelType": "whatsapp"]
            if identifier.kind == .phone {
                recipient["id"] = .string(identifier.plusPhone)
                recipient["phoneNumber"] = .string(identifier.plusPhone)
            } else {
                recipient["userId"] = .string(identifier.value)
            }
            var body: [String: JSONValue] = [
                "recipient": .object(recipient),
                "message": ["text": .string(text)],
            ]
            if let number = plan.channel.number {
                body["sender"] = ["channelType": "whatsapp", "id": .string("+" + number)]
            }
            return .object(body)
        case .template(let template):
            var body: [String: JSONValue] = [
                "number": .string(identifier.kind == .phone ? identifier.plusPhone : "bsuid:" + identifier.value),
                "templateName": .string(template.name),
                "language": .string(template.language),
                "parameters": .array(template.parameters.enumerated().map { index, value in
                    ["name": .string("body_\(index + 1)"), "value": .string(value)]
                }),
            ]
            if let number = plan.channel.number { body["sender"] = .string("+" + number) }
            return .object(body)
        }
    }
}
