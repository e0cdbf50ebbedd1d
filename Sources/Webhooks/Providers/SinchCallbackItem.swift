import Foundation
import Identity
import JSON

/// One `data[]` item of a Sinch LATAM callback: an inbound message or a delivery report.
struct SinchCallbackItem {
    let json: JSONValue
    let index: Int
    let receivedAt: Date

    /// Names in `sentStatus` / `deliveredStatus` that mean the message did not get through
    /// (`CARRIER_COMMUNICATION_ERROR`, `REJECTED_BY_CARRIER`, `EXPIRED`, `NOT_DELIVERED`…).
    static let failureMarkers = ["ERROR", "FAIL", "REJECT", "EXPIRED", "INVALID", "BLOCKED", "NOT_", "UNDELIVER"]

    var channel: ChannelAddress {
        ChannelAddress(provider: .sinch, number: json["origin"].nonEmptyText)
    }

    func decode(into result: inout DecodedWebhook) {
        if json["source"] != nil || (json["message"] != nil && json["destination"] == nil) {
            decodeInbound(into: &result)
        } else {
            decodeStatus(into: &result)
        }
    }

    /// The customer: `source`/`destination` classified by form, plus `userProfile`.
    func customer(primaryField field: String) -> CustomerIdentity {
        var identity = CustomerIdentity()
        identity.absorb(json[field].text, field: field)
        let profile = json["userProfile"]
        identity.absorb(profile["phoneNumber"].text, field: "userProfile.phoneNumber")
        identity.absorb(profile["userId"].text, field: "userProfile.userId")
        // Seen holding the same BSUID as userId: classified by form it is then no parent.
        identity.absorb(profile["parentUserId"].text, field: "userProfile.parentUserId")
        identity.note(name: profile["name"].text)
        identity.note(username: profile["username"].text)
        identity.note(country: profile["countryCode"].text)
        return identity
    }

    private func decodeInbound(into result: inout DecodedWebhook) {
        guard let id = json["id"].nonEmptyText else {
            result.rejected.append("data[\(index)]: inbound message without an id")
            return
        }
        let customer = customer(primaryField: "source")
        guard customer.hasUsableIdentifier else {
            result.rejected.append("message \(id): no usable sender identifier" + customer.rejectionNote)
            return
        }
        let timestamp = Timestamps.parse(json["receivedAt"]) ?? Timestamps.parse(json["receivedDate"]) ?? receivedAt
        result.events.append(.message(InboundMessage(
            channel: channel, id: id, timestamp: timestamp, customer: customer,
            content: SinchMessageContent.decode(json["message"]))))
    }

    private func decodeStatus(into result: inout DecodedWebhook) {
        guard let id = json["id"].nonEmptyText else {
            result.rejected.append("data[\(index)]: delivery report without a message id")
            return
        }
        guard case let (status, timestamp, error)? = reportedState() else {
            result.rejected.append("status for \(id): no sent/delivered/read flag or status")
            return
        }
        result.events.append(.status(StatusUpdate(
            channel: channel, messageID: id, status: status, timestamp: timestamp,
            customer: customer(primaryField: "destination"), error: error)))
    }

    /// The furthest state the report describes. A report carries every stage reached so far
    /// (sent, delivered, read flags with their dates); failures are named in the status texts.
    private func reportedState() -> (DeliveryStatus, Date, ProviderError?)? {
        if let failure = failure() {
            let when = time("updated") ?? time("delivered") ?? time("sent") ?? receivedAt
            return (.failed, when, failure)
        }
        if json["read"].bool == true { return (.read, time("read") ?? time("updated") ?? receivedAt, nil) }
        if json["delivered"].bool == true {
            return (.delivered, time("delivered") ?? time("updated") ?? receivedAt, nil)
        }
        if json["sent"].bool == true || json["sentStatus"].nonEmptyText != nil {
            return (.sent, time("sent") ?? time("updated") ?? receivedAt, nil)
        }
        return nil
    }

    private func failure() -> ProviderError? {
        for stage in ["sent", "delivered"] {
            let name = json["\(stage)Status"].nonEmptyText
            let code = json["\(stage)StatusCode"].text
            let named = name.map { value in
                Self.failureMarkers.contains { value.uppercased().contains($0) }
            } ?? false
            // `sent: false` is a failure even when the status text is not recognisable.
            if named || (stage == "sent" && json["sent"].bool == false) {
                return ProviderError(
                    code: name ?? code.map { "\(stage)StatusCode \($0)" } ?? "NOT_SENT",
                    title: nil,
                    message: code.map { "\(stage)StatusCode \($0)" })
            }
        }
        return nil
    }

    /// `<stage>At` (milliseconds) or `<stage>Date` (ISO 8601).
    private func time(_ stage: String) -> Date? {
        Timestamps.parse(json["\(stage)At"]) ?? Timestamps.parse(json["\(stage)Date"])
    }
}
