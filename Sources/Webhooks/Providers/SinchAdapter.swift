public import Foundation
public import Identity
public import JSON

/// Sinch LATAM Messaging callbacks: `{"total": N, "data": [ … ]}`. Each item is an inbound
/// message (`source`) or a delivery report (`destination`); `origin` is the business number.
/// `source` / `destination` hold the phone when Sinch knows it, else the BSUID.
public struct SinchAdapter: ProviderAdapter {
    public let provider = ProviderKind.sinch

    public init() {}

    public func recognizes(_ body: JSONValue) -> Bool {
        guard body["total"].int64 != nil, body["data"]?.isArray == true else { return false }
        let items = body["data"].array
        guard !items.isEmpty, items.allSatisfy({ $0.object != nil }) else { return false }
        return items.contains { item in
            item["origin"] != nil && (item["source"] != nil || item["destination"] != nil)
        }
    }

    public func decode(_ body: JSONValue, receivedAt: Date) -> DecodedWebhook {
        var result = DecodedWebhook()
        guard recognizes(body) else {
            result.rejected.append("not a Sinch LATAM callback ({total, data[]} with source/destination and origin)")
            return result
        }
        for (index, item) in body["data"].array.enumerated() {
            SinchCallbackItem(json: item, index: index, receivedAt: receivedAt).decode(into: &result)
        }
        return result
    }
}
