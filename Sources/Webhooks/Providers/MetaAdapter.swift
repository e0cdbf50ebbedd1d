public import Foundation
public import Identity
public import JSON

/// Meta WhatsApp Cloud API webhooks: `{"object":"whatsapp_business_account","entry":[…]}`.
/// Also parses raw Meta payloads forwarded by other providers (Kapso).
public struct MetaAdapter: ProviderAdapter {
    public let provider = ProviderKind.meta

    public init() {}

    public func recognizes(_ body: JSONValue) -> Bool {
        body["object"].text == "whatsapp_business_account" && body["entry"]?.isArray == true
    }

    public func decode(_ body: JSONValue, receivedAt: Date) -> DecodedWebhook {
        var result = DecodedWebhook()
        guard recognizes(body) else {
            result.rejected.append("not a Meta webhook (no object \"whatsapp_business_account\" with entries)")
            return result
        }
        for entry in body["entry"].array {
            for change in entry["changes"].array {
                let value = change["value"]
                let channel = ChannelAddress(
                    provider: .meta,
                    number: value["metadata"]["display_phone_number"].nonEmptyText,
                    id: value["metadata"]["phone_number_id"].nonEmptyText)
                let contacts = value["contacts"].array.map(MetaContact.init)
                let context = MetaChangeContext(channel: channel, contacts: contacts, receivedAt: receivedAt)
                switch change["field"].text {
                case "messages", nil:
                    // Value-level errors (Meta could not deliver a webhook's content) hold no message.
                    for error in value["errors"].array {
                        result.ignored.append("Meta error \(error["code"].text ?? "?"): \(error["title"].text ?? error["message"].text ?? "")")
                    }
                    for message in value["messages"].array {
                        context.decodeMessage(message, into: &result)
                    }
                    for status in value["statuses"].array {
                        context.decodeStatus(status, into: &result)
                    }
                case "user_preferences":
                    for preference in value["user_preferences"].array {
                        context.decodePreference(preference, into: &result)
                    }
                case "user_id_update":
                    for update in value["user_id_update"].array {
                        context.decodeUserIDUpdate(update, into: &result)
                    }
                case let other?:
                    // account_update, message_template_status_update, …: valid
                    // bodies with no conversation in them.
                    result.ignored.append("Meta field \"\(other)\" carries no conversation")
                }
            }
        }
        return result
    }
}

/// One `contacts[]` block: the customer as Meta describes them.
struct MetaContact {
    var identity = CustomerIdentity()

    init(_ json: JSONValue) {
        identity.absorb(json["wa_id"].text, field: "contacts.wa_id")
        identity.absorb(json["user_id"].text, field: "contacts.user_id")
        identity.absorb(json["parent_user_id"].text, field: "contacts.parent_user_id")
        identity.note(name: json["profile"]["name"].text)
        identity.note(username: json["profile"]["username"].text)
        identity.note(country: json["profile"]["country_code"].text)
    }

    /// Whether this block describes the same customer as `other` (they share an identifier).
    func matches(_ other: CustomerIdentity) -> Bool {
        !Set(identity.identifiers).isDisjoint(with: other.identifiers)
    }
}
