import Identity
import JSON
import Testing
import Webhooks

private let mariana = "BR.4471902835561209"
private let marianaParent = "BR.ENT.99120044718273"
private let origin = "5511999990000"

let sinchCases: [FixtureCase] = [
    FixtureCase("sinch", "inbound-phone-and-bsuid", as: .sinch, [
        EventSummary(kind: .message, id: "ce425ffe-bc62-421f-9261-e6819a5eab43", phone: "5511987654321",
                     bsuid: mariana, parent: marianaParent, username: "@mari.ferraz", name: "Mariana Ferraz",
                     country: "BR", channelNumber: origin, what: "Olá, meu pedido chegou?", time: 1_780_000_000.473),
    ]),
    // BSUID in `source`, parentUserId repeating the BSUID (as in the seed), ISO date only.
    FixtureCase("sinch", "inbound-bsuid-only-username", as: .sinch, [
        EventSummary(kind: .message, id: "0b8f7c1e-5d3a-4c2b-9e1f-2a3b4c5d6e7f", bsuid: mariana,
                     username: "@mari.ferraz", name: "Mariana 🌸", country: "BR", channelNumber: origin,
                     what: "Tem em azul?", time: 1_780_000_200),
    ]),
    FixtureCase("sinch", "status-read-bsuid", as: .sinch, [
        EventSummary(kind: .status, id: "8995c40f-1c3a-48d0-98ee-bbc603622a91", bsuid: mariana, parent: marianaParent,
                     username: "@mari.ferraz", name: "Mariana 🌸", country: "BR", channelNumber: origin,
                     what: "read", time: 1_780_000_290),
    ]),
    FixtureCase("sinch", "status-failed-carrier-error", as: .sinch, [
        EventSummary(kind: .status, id: "5f0c2d9a-7b61-4c1e-8a55-0d9e3f6a1b22", bsuid: mariana, country: "BR",
                     channelNumber: origin, what: "failed", errorCode: "CARRIER_COMMUNICATION_ERROR",
                     time: 1_780_000_800),
    ]),
    // Two messages in one POST; empty profile strings are absent; unknown types are kept.
    FixtureCase("sinch", "batch-media-and-unknown", as: .sinch, [
        EventSummary(kind: .message, id: "a1a1a1a1-0000-4000-8000-000000000001", phone: "5511912345678",
                     channelNumber: origin, what: "[image] nota fiscal", time: 1_780_000_100),
        EventSummary(kind: .message, id: "a1a1a1a1-0000-4000-8000-000000000002", phone: "5511912345678",
                     channelNumber: origin, what: "[unsupported: sticker]", time: 1_780_000_101),
    ]),
]

@Suite struct SinchAdapterTests {
    @Test(arguments: sinchCases)
    func decodesFixture(_ row: FixtureCase) throws {
        try check(row)
    }

    /// The seed's own example is not valid JSON: it must be rejected, not guessed at.
    @Test func brokenSeedExampleIsMalformed() throws {
        let result = try WebhookFixture(directory: "sinch", name: "invalid-seed-example").decode()
        guard case .failure(.malformedJSON) = result else {
            Issue.record("expected malformed JSON, got \(result)")
            return
        }
    }

    @Test(arguments: [
        ("sentStatus", "REJECTED_BY_CARRIER", true),
        ("sentStatus", "SENT_SUCCESS", false),
        ("deliveredStatus", "NOT_DELIVERED", true),
        ("deliveredStatus", "DELIVERED_SUCCESS", false),
    ])
    func failureNames(field: String, value: String, failed: Bool) {
        let body: JSONValue = ["total": 1, "data": [[
            "id": "m1", "destination": "5511912345678", "origin": "5511999990000",
            "sent": true, "delivered": true, field: .string(value),
        ] as JSONValue]]
        let events = SinchAdapter().decode(body, receivedAt: WebhookFixture.receivedAt).events
        guard case .status(let status)? = events.first else {
            Issue.record("no status decoded")
            return
        }
        #expect((status.status == .failed) == failed)
        #expect((status.error?.code == value) == failed)
    }
}
