import Identity
import JSON
import Testing
import Webhooks

private let tom = "GB.90817263544321"
private let number = "15550002222"

let webexCases: [FixtureCase] = [
    FixtureCase("webex", "inbound-native-waid", as: .webex, [
        EventSummary(kind: .message, id: "wx-0001", phone: "447700900123", bsuid: tom, username: "@tom.h",
                     name: "Tom H", country: "GB", legacySource: "native", channelNumber: number,
                     what: "Can I change my delivery slot?", time: 1_780_000_000),
    ]),
    // The WAID field holds the BSUID (fallback): classified by form, the indicator kept.
    FixtureCase("webex", "inbound-bsuid-fallback", as: .webex, [
        EventSummary(kind: .message, id: "wx-0002", bsuid: tom, username: "@tom.h", country: "GB",
                     legacySource: "bsuid", channelNumber: number, what: "Thanks!", time: 1_780_000_200),
    ]),
    // Flow-style `whatsapp{bsuid,userHandle}`, `whatsapp:+` phone in `from`, milliseconds.
    FixtureCase("webex", "inbound-whatsapp-block-ms", as: .webex, [
        EventSummary(kind: .message, id: "wx-0003", phone: "5215512345678", bsuid: "MX.3321009988776655",
                     username: "@ana.lucía", country: "MX", channelNumber: number, what: "¿Tienen talla chica?",
                     time: 1_780_000_500.123),
    ]),
    FixtureCase("webex", "status-failed", as: .webex, [
        EventSummary(kind: .status, id: "wx-out-0001", bsuid: tom, country: "GB", legacySource: "bsuid",
                     channelNumber: number, what: "failed", errorCode: "131026", time: 1_780_000_600),
    ]),
]

@Suite struct WebexConnectAdapterTests {
    @Test(arguments: webexCases)
    func decodesFixture(_ row: FixtureCase) throws {
        try check(row)
    }

    /// A WAID that is neither a phone nor a BSUID is rejected for that field; with nothing
    /// else usable the message is reported, not ingested under a made-up identity.
    @Test(arguments: ["not-a-number", "us.123", "MY.2035-9"])
    func invalidLegacyID(waid: String) {
        let body: JSONValue = ["messageId": "m", "waid": .string(waid), "to": "15550002222", "message": "hi"]
        let webhook = WebexConnectAdapter().decode(body, receivedAt: WebhookFixture.receivedAt)
        #expect(webhook.events.isEmpty)
        #expect(webhook.rejected.count == 1)
    }
}
