import Foundation
import Identity
import JSON
import Webhooks

/// Sinch LATAM Messaging: `destinations[].destination` takes a phone (digits) or a bare BSUID.
/// A channel with `api = "conversation"`: the Conversation API's `messages:send` body.
enum SinchSandbox: SandboxProviderShape {
    static func check(body: JSONValue, endpoint: String, business: SandboxBusiness) -> SandboxVerdict {
        if business.api == "conversation" { return checkConversation(body: body, business: business) }
        let destinations = body["destinations"].array
        guard destinations.count == 1 else {
            return reject("exactly one entry in destinations is supported by the sandbox (got \(destinations.count))")
        }
        let raw = destinations[0]["destination"].nonEmptyText
        guard let recipient = StrictIdentifier.phone(raw, plus: .forbidden) ?? StrictIdentifier.bsuid(raw) else {
            return reject("destination must be a phone number (digits) or a BSUID: \(raw ?? "missing")")
        }
        let message = body["message"]
        guard message["messageText"].text != nil || message["template"]["templateName"].nonEmptyText != nil else {
            return reject("message.messageText or message.template.templateName is required")
        }
        return .accepted(recipient: recipient)
    }

    private static func checkConversation(body: JSONValue, business: SandboxBusiness) -> SandboxVerdict {
        guard body["app_id"].nonEmptyText == business.id else {
            return reject("app_id must be the app's id \(business.id ?? "?") (got \(body["app_id"].text ?? "none"))")
        }
        let identities = body["recipient"]["identified_by"]["channel_identities"].array
        guard identities.count == 1, identities[0]["channel"].text == "WHATSAPP" else {
            return reject("recipient.identified_by.channel_identities must hold one WHATSAPP identity")
        }
        let raw = identities[0]["identity"].nonEmptyText
        guard let recipient = StrictIdentifier.phone(raw, plus: .forbidden) ?? StrictIdentifier.bsuid(raw) else {
            return reject("identity must be a phone number (digits) or a BSUID: \(raw ?? "missing")")
        }
        let message = body["message"]
        guard message["text_message"]["text"].text != nil
            || message["template_message"]["channel_template"]["WHATSAPP"]["template_id"].nonEmptyText != nil else {
            return reject("message.text_message.text or a WHATSAPP channel_template is required")
        }
        return .accepted(recipient: recipient)
    }

    static func reject(_ message: String) -> SandboxVerdict {
        .rejected(status: 400, body: ["errorCode": "INVALID_REQUEST", "errorMessage": .string(message)])
    }

    /// Both APIs' answers in one object: LATAM's `messages[].id`, the Conversation API's `message_id`.
    static func acceptedResponse(messageID: String, recipient: Identifier) -> JSONValue {
        ["id": .string(UUID().uuidString.lowercased()), "messages": [["id": .string(messageID), "correlationId": nil]],
         "message_id": .string(messageID)]
    }

    static func statusWebhook(_ status: DeliveryStatus, messageID: String, recipient: Identifier,
                              business: SandboxBusiness, at time: Date) -> (body: JSONValue, headers: [String: String]) {
        if business.api == "conversation" {
            let word: JSONValue = switch status {
            case .read, .played: "READ"
            case .delivered: "DELIVERED"
            case .failed: "FAILED"
            default: "QUEUED_ON_CHANNEL"
            }
            return (["app_id": .optional(business.id), "event_time": .string(SandboxShapes.iso8601(time)),
                     "message_delivery_report": [
                        "message_id": .string(messageID), "status": word,
                        "channel_identity": ["channel": "WHATSAPP", "identity": .string(recipient.value)],
                     ]], [:])
        }
        let date = JSONValue.string(SandboxShapes.iso8601(time))
        var item: [String: JSONValue] = [
            "id": .string(messageID),
            "destination": .string(recipient.value),
            "origin": .optional(business.number),
            "sent": true, "sentDate": date, "sentStatus": "SENT_SOURCE",
        ]
        if status.rank >= DeliveryStatus.delivered.rank {
            item["delivered"] = true
            item["deliveredDate"] = date
            item["deliveredStatus"] = "DELIVERED_SUCCESS"
        }
        if status == .read {
            item["read"] = true
            item["readDate"] = date
        }
        switch recipient.kind {
        case .bsuid: item["userProfile"] = ["userId": .string(recipient.value)]
        case .parentBSUID: item["userProfile"] = ["parentUserId": .string(recipient.value)]
        case .phone: item["userProfile"] = ["phoneNumber": .string(recipient.value)]
        case .username: break
        }
        return (["total": 1, "data": [.object(item)]], [:])
    }
}
