import Foundation
import Identity
import JSON
import Webhooks

/// Sinch LATAM Messaging: `destinations[].destination` takes a phone (digits) or a bare BSUID.
enum SinchSandbox: SandboxProviderShape {
    static func check(body: JSONValue, endpoint: String, business: SandboxBusiness) -> SandboxVerdict {
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

    static func reject(_ message: String) -> SandboxVerdict {
        .rejected(status: 400, body: ["errorCode": "INVALID_REQUEST", "errorMessage": .string(message)])
    }

    static func acceptedResponse(messageID: String, recipient: Identifier) -> JSONValue {
        ["id": .string(UUID().uuidString.lowercased()), "messages": [["id": .string(messageID), "correlationId": nil]]]
    }

    static func statusWebhook(_ status: DeliveryStatus, messageID: String, recipient: Identifier,
                              business: SandboxBusiness, at time: Date) -> (body: JSONValue, headers: [String: String]) {
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
