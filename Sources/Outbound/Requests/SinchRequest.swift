import Identity
import JSON
import Webhooks

/// Sinch sends. LATAM Messaging: `destinations[].destination` holds a phone or a BSUID alike.
/// Conversation API (`api = "conversation"`): `POST …/v1/projects/{project}/messages:send` with
/// `app_id` (the channel's `id`), `recipient.identified_by.channel_identities[{channel:
/// "WHATSAPP", identity}]` (a phone or a BSUID) and `channel_priority_order: ["WHATSAPP"]`, as
/// Sinch documents; a template goes as `template_message.channel_template.WHATSAPP` with
/// `template_id`, `language_code` and body parameters keyed `body[N]text` (our reading of
/// Sinch's WhatsApp template mapping).
enum SinchRequest: ProviderRequestShape {
    static func url(for channel: Channel, message: OutgoingMessage) throws(RequestError) -> String {
        try configuredSendURL(channel)
    }

    static func authHeader(token: String) -> HTTPHeaderField {
        HTTPHeaderField("AuthenticationToken", token)
    }

    static func body(plan: ReplyPlan, message: OutgoingMessage) throws(RequestError) -> JSONValue {
        if plan.channel.usesSinchConversationAPI { return try conversationBody(plan: plan, message: message) }
        let content: JSONValue = switch message {
        // A phone request never gets here: only Meta has one, the planner refuses the rest.
        case .text(let text), .requestPhone(let text, _):
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

    private static func conversationBody(plan: ReplyPlan, message: OutgoingMessage) throws(RequestError) -> JSONValue {
        let content: JSONValue = switch message {
        // A phone request never gets here: only Meta has one, the planner refuses the rest.
        case .text(let text), .requestPhone(let text, _):
            ["text_message": ["text": .string(text)]]
        case .template(let template):
            ["template_message": ["channel_template": ["WHATSAPP": [
                "template_id": .string(template.name),
                "version": "",
                "language_code": .string(template.language),
                "parameters": .object(Dictionary(uniqueKeysWithValues: template.parameters.enumerated().map {
                    ("body[\($0.offset + 1)]text", JSONValue.string($0.element))
                })),
            ]]]]
        }
        return [
            "app_id": .string(try requiredID(plan.channel)),
            "recipient": ["identified_by": ["channel_identities": [
                ["channel": "WHATSAPP", "identity": .string(plan.identifier.value)],
            ]]],
            "message": content,
            "channel_priority_order": ["WHATSAPP"],
        ]
    }
}
