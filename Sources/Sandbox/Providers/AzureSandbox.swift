import Foundation
import Identity
import JSON
import Webhooks

/// ACS Advanced Messaging `notifications:send`: `to` entries are `+<digits>` phones or bare
/// BSUIDs; `channelRegistrationId` must name the channel of the route.
enum AzureSandbox: SandboxProviderShape {
    static func check(body: JSONValue, endpoint: String, business: SandboxBusiness) -> SandboxVerdict {
        guard let channelID = body["channelRegistrationId"].nonEmptyText else {
            return reject("channelRegistrationId is required")
        }
        if let id = business.id, id != channelID {
            return reject("channelRegistrationId \(channelID) is not the channel of this route (\(id))")
        }
        let to = body["to"].array
        guard to.count == 1 else { return reject("to must hold exactly one recipient (got \(to.count))") }
        let raw = to[0].nonEmptyText
        guard let recipient = StrictIdentifier.phone(raw, plus: .required) ?? StrictIdentifier.bsuid(raw) else {
            return reject("to[0] must be a phone number in E.164 (+digits) or a BSUID: \(raw ?? "missing")")
        }
        switch body["kind"].text {
        case "text":
            guard body["content"].text != nil else { return reject("content is required for kind text") }
        case "template":
            guard body["template"]["name"].nonEmptyText != nil else { return reject("template.name is required") }
        default:
            return reject("kind must be text or template")
        }
        return .accepted(recipient: recipient)
    }

    static func reject(_ message: String) -> SandboxVerdict {
        .rejected(status: 400, body: ["error": ["code": "BadRequest", "message": .string(message)]])
    }

    static func acceptedResponse(messageID: String, recipient: Identifier) -> JSONValue {
        let to = recipient.kind == .phone ? "+" + recipient.value : recipient.value
        return ["receipts": [["messageId": .string(messageID), "to": .string(to)]]]
    }

    static func statusWebhook(_ status: DeliveryStatus, messageID: String, recipient: Identifier,
                              business: SandboxBusiness, at time: Date) -> (body: JSONValue, headers: [String: String]) {
        let name = status.rawValue.prefix(1).uppercased() + status.rawValue.dropFirst()
        var data: [String: JSONValue] = [
            "messageId": .string(messageID),
            "from": .optional(business.id),
            "to": recipient.kind == .phone ? .string(recipient.value) : "",
            "status": .string(name),
            "channelType": "whatsapp",
            "receivedTimestamp": .string(SandboxShapes.iso8601(time)),
        ]
        if recipient.kind != .phone { data["toBSUID"] = .string(recipient.value) }
        let event: JSONValue = [
            "id": .string(UUID().uuidString.lowercased()),
            "topic": "/subscriptions/sandbox/resourceGroups/sandbox/providers/Microsoft.Communication/communicationServices/sandbox",
            "subject": .string("advancedMessage/\(messageID)/status/\(name)"),
            "eventType": "Microsoft.Communication.AdvancedMessageDeliveryStatusUpdated",
            "eventTime": .string(SandboxShapes.iso8601(time)),
            "data": .object(data),
            "dataVersion": "1.0",
            "metadataVersion": "1",
        ]
        return ([event], ["aeg-event-type": "Notification"])
    }
}
