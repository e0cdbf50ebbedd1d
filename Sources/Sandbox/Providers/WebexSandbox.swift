import Foundation
import Identity
import JSON
import Webhooks

/// Webex Connect WhatsApp: `destination[].waid` takes the phone (digits) or the BSUID.
enum WebexSandbox: SandboxProviderShape {
    static func check(body: JSONValue, endpoint: String, business: SandboxBusiness) -> SandboxVerdict {
        let destination = body["destination"].array
        guard destination.count == 1 else {
            return reject("destination must hold exactly one entry (got \(destination.count))", code: "1004")
        }
        // `waid` may be a string or a one-element list, as in the older API.
        let field = destination[0]["waid"]
        let raw = field?.isArray == true ? field.array.first?.nonEmptyText : field.nonEmptyText
        guard let recipient = StrictIdentifier.phone(raw, plus: .forbidden) ?? StrictIdentifier.bsuid(raw) else {
            return reject("destination[0].waid must be a WhatsApp id (digits) or a BSUID: \(raw ?? "missing")", code: "1004")
        }
        guard body["message"]?.object != nil else { return reject("message is required", code: "1003") }
        return .accepted(recipient: recipient)
    }

    static func reject(_ description: String, code: String) -> SandboxVerdict {
        .rejected(status: 400, body: ["response": [["code": .string(code), "description": .string(description)]]])
    }

    static func acceptedResponse(messageID: String, recipient: Identifier) -> JSONValue {
        ["response": [["code": "1001", "description": "Queued", "transid": .string(messageID)]]]
    }

    static func statusWebhook(_ status: DeliveryStatus, messageID: String, recipient: Identifier,
                              business: SandboxBusiness, at time: Date) -> (body: JSONValue, headers: [String: String]) {
        var body: [String: JSONValue] = [
            "messageId": .string(messageID),
            "status": .string(status.rawValue),
            "timestamp": .string(SandboxShapes.iso8601(time)),
            "from": .optional(business.number),
            "waid": .string(recipient.value),
            "waidSource": recipient.kind == .phone ? "native" : "bsuid",
        ]
        if recipient.kind != .phone { body["bsuid"] = .string(recipient.value) }
        return (.object(body), [:])
    }
}
