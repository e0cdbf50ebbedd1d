public import Foundation
public import Identity
public import JSON

/// Azure Communication Services Advanced Messaging through Event Grid: an array of events
/// (Event Grid schema: `eventType`, `eventTime`, `subject`, `data`) or CloudEvents 1.0
/// (`specversion`, `type`, `time`, `subject`, `data`), single or batched.
/// Subscription-validation events are handshakes, never messages.
public struct AzureAdapter: ProviderAdapter {
    public let provider = ProviderKind.azure

    static let validationEvent = "Microsoft.EventGrid.SubscriptionValidationEvent"

    public init() {}

    public func recognizes(_ body: JSONValue) -> Bool {
        Self.events(in: body) != nil
    }

    public func decode(_ body: JSONValue, receivedAt: Date) -> DecodedWebhook {
        var result = DecodedWebhook()
        guard let events = Self.events(in: body) else {
            result.rejected.append("not an Event Grid or CloudEvents delivery")
            return result
        }
        for event in events {
            let type = Self.type(of: event) ?? ""
            let name = "event \(event["id"].text ?? "?") (\(type))"
            if type == Self.validationEvent {
                if let code = event["data"]["validationCode"].nonEmptyText {
                    result.handshake = .eventGridValidation(code: code)
                } else {
                    result.rejected.append("\(name): no data.validationCode")
                }
                continue
            }
            let advanced = AzureAdvancedMessageEvent(event: event, receivedAt: receivedAt)
            if type.hasSuffix("AdvancedMessageReceived") {
                advanced.decodeReceived(into: &result)
            } else if type.hasSuffix("AdvancedMessageDeliveryStatusUpdated") {
                advanced.decodeStatus(into: &result)
            } else {
                result.rejected.append("\(name): event type is not handled")
            }
        }
        return result
    }

    /// The events of a delivery, if every item has an event shape.
    static func events(in body: JSONValue) -> [JSONValue]? {
        let items = body.isArray ? body.array : [body]
        guard !items.isEmpty, items.allSatisfy(isEvent) else { return nil }
        return items
    }

    /// Event Grid (`eventType` + `data`) or CloudEvents (`specversion` + `type` + `data`).
    static func isEvent(_ json: JSONValue) -> Bool {
        guard json.object != nil, json["data"] != nil else { return false }
        if json["eventType"].nonEmptyText != nil { return true }
        return json["specversion"].nonEmptyText != nil && json["type"].nonEmptyText != nil
    }

    static func type(of event: JSONValue) -> String? {
        event["eventType"].nonEmptyText ?? event["type"].nonEmptyText
    }
}
