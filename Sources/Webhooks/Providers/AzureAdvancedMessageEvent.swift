import Foundation
import Identity
import JSON

/// One ACS Advanced Messaging event: `AdvancedMessageReceived` or
/// `AdvancedMessageDeliveryStatusUpdated`. The channel is the channel registration id:
/// `data.to` on received messages, `data.from` on statuses.
struct AzureAdvancedMessageEvent {
    let event: JSONValue
    let receivedAt: Date

    var data: JSONValue? { event["data"] }

    var timestamp: Date {
        Timestamps.parse(data["receivedTimestamp"]) ?? Timestamps.parse(event["eventTime"])
            ?? Timestamps.parse(event["time"]) ?? receivedAt
    }

    func decodeReceived(into result: inout DecodedWebhook) {
        let subject = AdvancedMessageSubject(event["subject"].text)
        guard let id = data["messageId"].nonEmptyText ?? event["id"].nonEmptyText else {
            result.rejected.append("AdvancedMessageReceived without a message id")
            return
        }
        var sender = CustomerIdentity()
        // `from` is empty or null when the phone is hidden; the subject then names the BSUID.
        sender.absorb(data["from"].text, field: "data.from")
        sender.absorb(data["fromBSUID"].text, field: "data.fromBSUID")
        sender.absorb(subject?.sender, field: "subject.sender")
        guard sender.hasUsableIdentifier else {
            result.rejected.append("message \(id): no usable sender identifier" + sender.rejectionNote)
            return
        }
        let channel = ChannelAddress(provider: .azure, id: data["to"].nonEmptyText ?? subject?.recipient)
        result.events.append(.message(InboundMessage(
            channel: channel, id: id, timestamp: timestamp, customer: sender,
            content: AzureMessageContent.decode(data))))
    }

    func decodeStatus(into result: inout DecodedWebhook) {
        guard let id = data["messageId"].nonEmptyText else {
            result.rejected.append("AdvancedMessageDeliveryStatusUpdated without a message id")
            return
        }
        guard let raw = data["status"].nonEmptyText, let status = DeliveryStatus(lenientValue: raw) else {
            result.rejected.append("status for \(id): unknown value \(data["status"].text ?? "null")")
            return
        }
        var recipient = CustomerIdentity()
        recipient.absorb(data["to"].text, field: "data.to")
        recipient.absorb(data["toBSUID"].text, field: "data.toBSUID")
        let failure = data["error"]
        let error: ProviderError? = failure?.object == nil ? nil : ProviderError(
            code: failure["channelCode"].nonEmptyText ?? failure["code"].nonEmptyText ?? "unknown",
            title: nil,
            message: failure["channelMessage"].nonEmptyText ?? failure["message"].nonEmptyText)
        result.events.append(.status(StatusUpdate(
            channel: ChannelAddress(provider: .azure, id: data["from"].nonEmptyText),
            messageID: id, status: status, timestamp: timestamp, customer: recipient, error: error)))
    }
}

/// `advancedMessage/sender/<phone or BSUID>/recipient/<channel id>` (received events only;
/// status subjects are `advancedMessage/<messageId>/status/<status>` and name no customer).
struct AdvancedMessageSubject {
    let sender: String
    let recipient: String?

    init?(_ subject: String?) {
        guard let parts = subject?.split(separator: "/", omittingEmptySubsequences: false),
              parts.count >= 3, parts[0] == "advancedMessage", parts[1] == "sender"
        else { return nil }
        sender = String(parts[2])
        recipient = parts.count >= 5 && parts[3] == "recipient" && !parts[4].isEmpty ? String(parts[4]) : nil
    }
}
