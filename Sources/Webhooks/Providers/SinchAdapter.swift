public import Foundation
public import Identity
public import JSON

/// Sinch callbacks, both APIs, told apart by shape:
/// * LATAM Messaging: `{"total": N, "data": [ … ]}`. Each item is an inbound message (`source`)
///   or a delivery report (`destination`); `origin` is the business number. `source` /
///   `destination` hold the phone when Sinch knows it, else the BSUID.
/// * Conversation API: one trigger per callback, keyed by `app_id` (`SinchConversationCallback`).
public struct SinchAdapter: ProviderAdapter {
    public let provider = ProviderKind.sinch

    public init() {}

    public func recognizes(_ body: JSONValue) -> Bool {
        recognizesLatam(body) || SinchConversationCallback.recognizes(body)
    }

    private func recognizesLatam(_ body: JSONValue) -> Bool {
        guard body["total"].int64 != nil, body["data"]?.isArray == true else { return false }
        let items = body["data"].array
        guard !items.isEmpty, items.allSatisfy({ $0.object != nil }) else { return false }
        return items.contains { item in
            item["origin"] != nil && (item["source"] != nil || item["destination"] != nil)
        }
    }

    public func decode(_ body: JSONValue, receivedAt: Date) -> DecodedWebhook {
        var result = DecodedWebhook()
        if SinchConversationCallback.recognizes(body) {
            SinchConversationCallback(json: body, receivedAt: receivedAt).decode(into: &result)
            return result
        }
        guard recognizesLatam(body) else {
            result.rejected.append("not a Sinch callback (LATAM {total, data[]} with source/destination and origin, or Conversation API with app_id)")
            return result
        }
        for (index, item) in body["data"].array.enumerated() {
            SinchCallbackItem(json: item, index: index, receivedAt: receivedAt).decode(into: &result)
        }
        return result
    }
}
