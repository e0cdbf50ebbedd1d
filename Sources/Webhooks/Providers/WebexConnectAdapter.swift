public import Foundation
public import Identity
public import JSON

/// Webex Connect outbound webhooks for WhatsApp. The envelope is ASSUMED (Webex documents
/// the fields, not the payload): an object — or an array of them, or `{"events": […]}` — with
/// the legacy id in `waid` (or `from`), `bsuid`, `userHandle`, a source indicator
/// (`waidSource`: `native` | `bsuid`), the business number in `to`, `messageId`, `timestamp`
/// and the content. Every field is read tolerantly and classified by form.
public struct WebexConnectAdapter: ProviderAdapter {
    public let provider = ProviderKind.webex

    /// Keys only Webex Connect's WhatsApp events use; one of them must be present.
    static let distinctiveKeys = ["waid", "waId", "waidSource", "waidType", "bsuid", "BSUID", "userHandle"]

    public init() {}

    public func recognizes(_ body: JSONValue) -> Bool {
        Self.events(in: body) != nil
    }

    public func decode(_ body: JSONValue, receivedAt: Date) -> DecodedWebhook {
        var result = DecodedWebhook()
        guard let events = Self.events(in: body) else {
            result.rejected.append("not a Webex Connect WhatsApp event (no waid, bsuid or userHandle)")
            return result
        }
        for event in events {
            WebexConnectEvent(json: event, receivedAt: receivedAt).decode(into: &result)
        }
        return result
    }

    static func events(in body: JSONValue) -> [JSONValue]? {
        let items: [JSONValue]
        if body.isArray {
            items = body.array
        } else if body["events"]?.isArray == true {
            items = body["events"].array
        } else {
            items = [body]
        }
        guard !items.isEmpty, items.allSatisfy(isEvent) else { return nil }
        return items
    }

    static func isEvent(_ json: JSONValue) -> Bool {
        guard json.object != nil, json["object"] == nil else { return false }
        let whatsapp = json["whatsapp"]
        return distinctiveKeys.contains { json[$0] != nil || whatsapp[$0] != nil }
    }
}
