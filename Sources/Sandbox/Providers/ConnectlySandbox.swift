import Foundation
import Identity
import JSON
import Webhooks

/// Connectly: session messages (`…/send/messages`) take a phone in `recipient.id` /
/// `phoneNumber` or a bare BSUID in `recipient.userId`; templated messages
/// (`…/whatsapp_templated_messages`) take `number` = `+<phone>` or `bsuid:<BSUID>`.
enum ConnectlySandbox: SandboxProviderShape {
    static let templatedEndpoint = "whatsapp_templated_messages"

    static func check(body: JSONValue, endpoint: String, business: SandboxBusiness) -> SandboxVerdict {
        endpoint == templatedEndpoint ? checkTemplated(body) : checkSession(body)
    }

    static func checkSession(_ body: JSONValue) -> SandboxVerdict {
        let recipient = body["recipient"]
        guard recipient?.object != nil else { return reject("recipient is required") }
        let recipientID: Identifier
        if let userID = recipient["userId"].nonEmptyText {
            guard let bsuid = StrictIdentifier.bsuid(userID) else {
                return reject("recipient.userId must be the bare BSUID (no bsuid: prefix): \(userID)")
            }
            recipientID = bsuid
        } else {
            let raw = recipient["phoneNumber"].nonEmptyText ?? recipient["id"].nonEmptyText
            if let raw, StrictIdentifier.bsuid(raw) != nil || raw.lowercased().hasPrefix("bsuid:") {
                return reject("a BSUID goes in recipient.userId, not recipient.id/phoneNumber: \(raw)")
            }
            guard let phone = StrictIdentifier.phone(raw, plus: .optional) else {
                return reject("recipient.id/phoneNumber must be a phone number: \(raw ?? "missing")")
            }
            recipientID = phone
        }
        guard body["message"]["text"].text != nil else { return reject("message.text is required") }
        return .accepted(recipient: recipientID)
    }

    static func checkTemplated(_ body: JSONValue) -> SandboxVerdict {
        guard let number = body["number"].nonEmptyText else { return reject("number is required") }
        let recipient: Identifier
        if number.hasPrefix("bsuid:") {
            guard let bsuid = StrictIdentifier.bsuid(String(number.dropFirst("bsuid:".count))) else {
                return reject("number bsuid:… must hold a BSUID: \(number)")
            }
            recipient = bsuid
        } else {
            if StrictIdentifier.bsuid(number) != nil {
                return reject("a BSUID in number needs the bsuid: prefix: \(number)")
            }
            guard let phone = StrictIdentifier.phone(number, plus: .optional) else {
                return reject("number must be a phone number or bsuid:<BSUID>: \(number)")
            }
            recipient = phone
        }
        guard body["templateName"].nonEmptyText != nil else { return reject("templateName is required") }
        return .accepted(recipient: recipient)
    }

    static func reject(_ message: String) -> SandboxVerdict {
        .rejected(status: 400, body: [
            "type": "ERROR_TYPE_INVALID_ARGUMENT", "code": "ERROR_CODE_BAD_REQUEST", "message": .string(message),
        ])
    }

    static func acceptedResponse(messageID: String, recipient: Identifier) -> JSONValue {
        ["id": .string(messageID)]
    }

    static func statusWebhook(_ status: DeliveryStatus, messageID: String, recipient: Identifier,
                              business: SandboxBusiness, at time: Date) -> (body: JSONValue, headers: [String: String]) {
        let business = business.number.map { JSONValue.string("+" + $0) } ?? .string(business.id ?? "")
        let customer: JSONValue = recipient.kind == .phone
            ? ["id": .string("+" + recipient.value), "channelType": "whatsapp", "name": nil,
               "userId": "", "phoneNumber": .string("+" + recipient.value)]
            : ["id": .string(recipient.value), "channelType": "whatsapp", "name": nil,
               "userId": .string(recipient.value), "phoneNumber": ""]
        let body: JSONValue = [
            "timestamp": .string(SandboxShapes.iso8601(time)),
            "topic": "delivery_status",
            "sender": ["id": business, "channelType": "whatsapp", "name": nil, "userId": "", "phoneNumber": business],
            "recipient": customer,
            "statusUpdate": ["id": .string(messageID), "status": .string(status.rawValue)],
        ]
        return (body, [:])
    }
}
