import Foundation
import Identity
import JSON
import Webhooks

/// Meta Cloud API. Stricter than Meta where Meta fails silently: a BSUID in `to` is
/// accepted by Meta and the message dropped; the sandbox rejects it with 400 instead.
enum MetaSandbox: SandboxProviderShape {
    static func check(body: JSONValue, endpoint: String, business: SandboxBusiness) -> SandboxVerdict {
        guard body["messaging_product"].text == "whatsapp" else {
            return reject("messaging_product must be \"whatsapp\"")
        }
        if let type = body["recipient_type"], type.text != "individual" {
            return reject("recipient_type must be \"individual\" (got \(type.serialized()))")
        }
        let to = body["to"].nonEmptyText
        let recipient = body["recipient"].nonEmptyText
        if let to, IdentifierClassifier.classify(to).identifier?.kind != .phone {
            return reject("`to` holds \(to), not a phone number; Meta would accept this and silently drop "
                          + "the message. Put a BSUID or parent BSUID in `recipient`", code: 131009)
        }
        if let recipient, StrictIdentifier.bsuid(recipient) == nil {
            return reject("Invalid BSUID format in `recipient`: \(recipient)", code: 131009)
        }
        if let to {
            // Meta: when both are given, the phone in `to` wins.
            guard let phone = StrictIdentifier.phone(to, plus: .optional) else {
                return reject("`to` must be the phone number's digits: \(to)", code: 131009)
            }
            return contentVerdict(body, recipient: phone)
        }
        guard let recipient, let bsuid = StrictIdentifier.bsuid(recipient) else {
            return reject("one of `to` (phone) or `recipient` (BSUID) is required")
        }
        return contentVerdict(body, recipient: bsuid)
    }

    static func contentVerdict(_ body: JSONValue, recipient: Identifier) -> SandboxVerdict {
        switch body["type"].text ?? "text" {
        case "text":
            guard body["text"]["body"].text != nil else { return reject("text.body is required") }
        case "interactive":
            // Only the "request contact info" ask is an interactive message the inbox sends.
            guard body["interactive"]["type"].text == "request_contact_info" else {
                return reject("the sandbox only sends interactive messages of type request_contact_info")
            }
            guard body["interactive"]["body"]["text"].nonEmptyText != nil else { return reject("interactive.body.text is required") }
            guard body["interactive"]["action"]["name"].text == "request_contact_info" else {
                return reject("interactive.action.name must be request_contact_info")
            }
            guard body["recipient"].nonEmptyText != nil else {
                return reject("request_contact_info goes to a BSUID in recipient")
            }
        case "template":
            guard body["template"]["name"].nonEmptyText != nil else { return reject("template.name is required") }
            guard body["template"]["language"]["code"].nonEmptyText != nil else {
                return reject("template.language.code is required")
            }
        case let other:
            return reject("the sandbox does not send messages of type \(other)")
        }
        return .accepted(recipient: recipient)
    }

    static func reject(_ details: String, code: Int = 100) -> SandboxVerdict {
        .rejected(status: 400, body: ["error": [
            "message": .string("(#\(code)) \(details)"),
            "type": "OAuthException",
            "code": .int(code),
            "error_data": ["messaging_product": "whatsapp", "details": .string(details)],
            "fbtrace_id": "sandbox",
        ]])
    }

    static func newMessageID() -> String {
        "wamid.SANDBOX" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
    }

    static func acceptedResponse(messageID: String, recipient: Identifier) -> JSONValue {
        let contact: JSONValue = recipient.kind == .phone
            ? ["input": .string(recipient.value), "wa_id": .string(recipient.value)]
            : ["input": .string(recipient.value), "user_id": .string(recipient.value)]
        return ["messaging_product": "whatsapp", "contacts": [contact], "messages": [["id": .string(messageID)]]]
    }

    static func statusWebhook(_ status: DeliveryStatus, messageID: String, recipient: Identifier,
                              business: SandboxBusiness, at time: Date) -> (body: JSONValue, headers: [String: String]) {
        var item: [String: JSONValue] = [
            "id": .string(messageID),
            "status": .string(status.rawValue),
            "timestamp": .string(SandboxShapes.unixSeconds(time)),
        ]
        switch recipient.kind {
        case .phone: item["recipient_id"] = .string(recipient.value)
        case .bsuid: item["recipient_user_id"] = .string(recipient.value)
        case .parentBSUID: item["recipient_parent_user_id"] = .string(recipient.value)
        case .username: break
        }
        let value: JSONValue = [
            "messaging_product": "whatsapp",
            "metadata": ["display_phone_number": .optional(business.number), "phone_number_id": .optional(business.id)],
            "statuses": [.object(item)],
        ]
        let body: JSONValue = [
            "object": "whatsapp_business_account",
            "entry": [["id": .string(business.id ?? "sandbox"), "changes": [["field": "messages", "value": value]]]],
        ]
        return (body, [:])
    }
}
