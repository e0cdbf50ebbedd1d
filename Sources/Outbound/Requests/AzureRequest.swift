import Identity
import JSON
import Webhooks

/// Azure Communication Services Advanced Messaging `notifications:send`. `to` is a list;
/// phones carry a `+`, BSUIDs go as they are (the service detects the form).
/// `channelRegistrationId` is the channel's `id`.
enum AzureRequest: ProviderRequestShape {
    static func url(for channel: Channel, message: OutgoingMessage) throws(RequestError) -> String {
        try configuredSendURL(channel)
    }

    static func authHeader(token: String) -> HTTPHeaderField {
        HTTPHeaderField("Authorization", "Bearer \(token)")
    }

    static func body(plan: ReplyPlan, message: OutgoingMessage) throws(RequestError) -> JSONValue {
        var body: [String: JSONValue] = [
            "channelRegistrationId": .string(try requiredID(plan.channel)),
            "to": [.string(plan.identifier.plusPhone)],
        ]
        switch message {
        // A phone request never gets here: only Meta has one, the planner refuses the rest.
        case .text(let text), .requestPhone(let text, _):
            body["kind"] = "text"
            body["content"] = .string(text)
        case .template(let template):
            body["kind"] = "template"
            body["template"] = templateObject(template)
        }
        return .object(body)
    }

    /// ACS template: named values bound to the body in order.
    static func templateObject(_ template: TemplateMessage) -> JSONValue {
        let names = template.parameters.indices.map { "p\($0 + 1)" }
        var object: [String: JSONValue] = [
            "name": .string(template.name),
            "language": .string(template.language),
        ]
        if !template.parameters.isEmpty {
            object["values"] = .array(zip(names, template.parameters).map { name, value in
                ["kind": "text", "name": .string(name), "text": .string(value)]
            })
            object["bindings"] = [
                "kind": "whatsApp",
                "body": .array(names.map { ["refValue": .string($0)] }),
            ]
        }
        return .object(object)
    }
}
