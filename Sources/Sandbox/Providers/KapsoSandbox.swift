import Foundation
import Identity
import JSON
import Webhooks

/// Kapso's Meta proxy: Meta's request and answer; status webhooks in Kapso's v2 shape.
enum KapsoSandbox: SandboxProviderShape {
    static func check(body: JSONValue, endpoint: String, business: SandboxBusiness) -> SandboxVerdict {
        MetaSandbox.check(body: body, endpoint: endpoint, business: business)
    }

    static func newMessageID() -> String { MetaSandbox.newMessageID() }

    static func acceptedResponse(messageID: String, recipient: Identifier) -> JSONValue {
        MetaSandbox.acceptedResponse(messageID: messageID, recipient: recipient)
    }

    static func statusWebhook(_ status: DeliveryStatus, messageID: String, recipient: Identifier,
                              business: SandboxBusiness, at time: Date) -> (body: JSONValue, headers: [String: String]) {
        let stamp = JSONValue.string(SandboxShapes.unixSeconds(time))
        var message: [String: JSONValue] = [
            "id": .string(messageID),
            "timestamp": stamp,
            "type": "text",
            "kapso": [
                "direction": "outbound",
                "status": .string(status.rawValue),
                "statuses": [["status": .string(status.rawValue), "timestamp": stamp]],
            ],
        ]
        switch recipient.kind {
        case .phone: message["to"] = .string(recipient.value)
        case .bsuid: message["to_user_id"] = .string(recipient.value)
        case .parentBSUID: message["to_parent_user_id"] = .string(recipient.value)
        case .username: break
        }
        let body: JSONValue = [
            "phone_number_id": .optional(business.id),
            "display_phone_number": .optional(business.number),
            "message": .object(message),
        ]
        return (body, ["X-Webhook-Event": "whatsapp.message.\(status.rawValue)"])
    }
}
