public import Foundation
public import Identity
public import JSON

/// Connectly webhooks: `{timestamp, sender{…}, recipient{…}, message{…}}` for inbound
/// messages and `{topic: "delivery_status", …, statusUpdate{id, status, error}}` for
/// delivery reports. The customer is `sender` on messages and `recipient` on statuses; the
/// other party is the business number.
public struct ConnectlyAdapter: ProviderAdapter {
    public let provider = ProviderKind.connectly

    public init() {}

    public func recognizes(_ body: JSONValue) -> Bool {
        guard body["sender"]?.object != nil, body["recipient"]?.object != nil else { return false }
        return body["sender"]["channelType"] != nil || body["recipient"]["channelType"] != nil
    }

    public func decode(_ body: JSONValue, receivedAt: Date) -> DecodedWebhook {
        var result = DecodedWebhook()
        guard recognizes(body) else {
            result.rejected.append("not a Connectly webhook (sender and recipient with channelType)")
            return result
        }
        let timestamp = Timestamps.parse(body["timestamp"]) ?? receivedAt
        if body["statusUpdate"]?.object != nil {
            decodeStatus(body, timestamp: timestamp, into: &result)
        } else {
            decodeMessage(body, timestamp: timestamp, into: &result)
        }
        return result
    }

    private func decodeMessage(_ body: JSONValue, timestamp: Date, into result: inout DecodedWebhook) {
        let sender = ConnectlyParty(body["sender"], role: "sender")
        let business = ConnectlyParty(body["recipient"], role: "recipient")
        let message = body["message"]
        // Inbound payloads carry no message id: derive a stable one from the body so that a
        // redelivery is recognised as a duplicate.
        let id = message["id"].nonEmptyText ?? body["id"].nonEmptyText ?? SyntheticMessageID.make(
            prefix: "connectly", parts: [
                body["sender"]["id"].text ?? "", body["timestamp"].text ?? "",
                message.map { $0.serialized() } ?? "", body["context"].map { $0.serialized() } ?? "",
            ])
        guard sender.identity.hasUsableIdentifier else {
            result.rejected.append("message \(id): no usable sender identifier" + sender.identity.rejectionNote)
            return
        }
        result.events.append(.message(InboundMessage(
            channel: business.channel, id: id, timestamp: timestamp, customer: sender.identity,
            content: ConnectlyMessageContent.decode(message))))
    }

    private func decodeStatus(_ body: JSONValue, timestamp: Date, into result: inout DecodedWebhook) {
        let update = body["statusUpdate"]
        guard let id = update["id"].nonEmptyText else {
            result.rejected.append("delivery status without a message id")
            return
        }
        guard let raw = update["status"].nonEmptyText, let status = DeliveryStatus(lenientValue: raw) else {
            result.rejected.append("status for \(id): unknown value \(update["status"].text ?? "null")")
            return
        }
        let customer = ConnectlyParty(body["recipient"], role: "recipient")
        let business = ConnectlyParty(body["sender"], role: "sender")
        let failure = update["error"]
        let error: ProviderError? = failure?.object == nil ? nil : ProviderError(
            code: failure["code"].nonEmptyText ?? failure["type"].nonEmptyText ?? "unknown",
            title: failure["userTitle"].nonEmptyText ?? failure["type"].nonEmptyText,
            message: failure["message"].nonEmptyText ?? failure["userMessage"].nonEmptyText)
        result.events.append(.status(StatusUpdate(
            channel: business.channel, messageID: id, status: status, timestamp: timestamp,
            customer: customer.identity, error: error)))
    }
}
