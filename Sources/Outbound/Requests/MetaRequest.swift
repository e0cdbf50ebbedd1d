import Identity
import JSON
import Webhooks

/// Meta Cloud API `POST /<phone_number_id>/messages`. A phone goes in `to`; a BSUID or parent
/// BSUID goes in `recipient` and never in `to`, where Meta accepts it and silently drops the
/// message. `recipient_type` stays `individual`: other values are rejected (code 100).
enum MetaRequest: ProviderRequestShape {
    static let graphVersion = "v24.0"

    static func url(for channel: Channel, message: OutgoingMessage) throws(RequestError) -> String {
        if let url = channel.sendURL, !url.isEmpty { return url }
        return "https://graph.facebook.com/\(graphVersion)/\(try requiredID(channel))/messages"
    }

    static func authHeader(token: String) -> HTTPHeaderField {
        HTTPHeaderField("Authorization", "Bearer \(token)")
    }

    static func body(plan: ReplyPlan, message: OutgoingMessage) -> JSONValue {
        var body: [String: JSONValue] = [
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
        ]
        switch plan.identifier.kind {
        case .phone: body["to"] = .string(plan.identifier.value)
        case .bsuid, .parentBSUID, .username: body["recipient"] = .string(plan.identifier.value)
        }
        switch message {
        case .text(let text):
            body["type"] = "text"
            body["text"] = ["body": .string(text)]
        case .template(let template):
            body["type"] = "template"
            body["template"] = templateObject(template)
        case .requestPhone(let text, _):
            body["type"] = "interactive"
            body["interactive"] = [
                "type": "request_contact_info",
                "body": ["text": .string(text)],
                "action": ["name": "request_contact_info"],
            ]
        }
        return .object(body)
    }

    /// Meta's template object: name, language and positional body parameters.
    static func templateObject(_ template: TemplateMessage) -> JSONValue {
        var object: [String: JSONValue] = [
            "name": .string(template.name),
            "language": ["code": .string(template.language)],
        ]
        if !template.parameters.isEmpty {
            object["components"] = [[
                "type": "body",
                "parameters": .array(template.parameters.map { ["type": "text", "text": .string($0)] }),
            ]]
        }
        return .object(object)
    }
}
