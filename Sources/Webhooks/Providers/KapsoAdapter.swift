public import Foundation
public import Identity
public import JSON

/// Kapso v2 webhooks: `{message{…, kapso{direction, status…}}, conversation{…},
/// phone_number_id}`, or buffered batches `{type, batch: true, data: [payload…]}`.
/// Raw Meta payloads forwarded by Kapso are read by `MetaAdapter` (the decoder tries it first).
public struct KapsoAdapter: ProviderAdapter {
    public let provider = ProviderKind.kapso

    public init() {}

    public func recognizes(_ body: JSONValue) -> Bool {
        Self.payloads(in: body) != nil || Self.contactEvent(body) != nil
    }

    /// Kapso's contact events (`whatsapp.contact.identity_changed`…): Kapso does not document
    /// their body, so they are kept in the raw log and counted ignored — never quarantined,
    /// never guessed at (a wrong guess would move a customer's identifiers).
    static func contactEvent(_ body: JSONValue) -> String? {
        guard body.object != nil, body["object"] == nil else { return nil }
        let name = body["type"].nonEmptyText ?? body["event"].nonEmptyText
        return name.flatMap { $0.hasPrefix("whatsapp.contact.") ? $0 : nil }
    }

    public func decode(_ body: JSONValue, receivedAt: Date) -> DecodedWebhook {
        var result = DecodedWebhook()
        if let event = Self.contactEvent(body) {
            result.ignored.append("Kapso \(event): kept in the raw log (its shape is undocumented; identifiers unchanged)")
            return result
        }
        guard let payloads = Self.payloads(in: body) else {
            result.rejected.append("not a Kapso webhook (message.kapso, conversation or phone_number_id)")
            return result
        }
        let eventName = body["type"].nonEmptyText ?? body["event"].nonEmptyText
        for payload in payloads {
            KapsoPayload(json: payload, eventName: payload["type"].nonEmptyText ?? eventName, receivedAt: receivedAt)
                .decode(into: &result)
        }
        return result
    }

    /// The payloads of a body: the items of a batch, or the body itself.
    static func payloads(in body: JSONValue) -> [JSONValue]? {
        if body["batch"].bool == true || (body["batch"] == nil && body["data"]?.isArray == true && body["type"] != nil) {
            let items = body["data"].array
            return !items.isEmpty && items.allSatisfy(isPayload) ? items : nil
        }
        return isPayload(body) ? [body] : nil
    }

    /// Kapso's own keys: a `message.kapso` block, or a `conversation` / `message` next to
    /// `phone_number_id`, or a conversation carrying Kapso's BSUID fields.
    static func isPayload(_ json: JSONValue) -> Bool {
        guard json.object != nil, json["object"] == nil else { return false }
        if json["message"]["kapso"]?.object != nil { return true }
        let conversation = json["conversation"]
        let hasConversation = conversation?.object != nil
        if json["phone_number_id"] != nil, hasConversation || json["message"]?.object != nil { return true }
        return hasConversation && (conversation["phone_number_id"] != nil
            || conversation["business_scoped_user_id"] != nil)
    }
}
