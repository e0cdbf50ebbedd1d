import FoundationEssentials
import Identity
import Testing
import Webhooks

private let business = "15550001111"
private let businessID = "+15550001111"

let connectlyCases: [FixtureCase] = [
    FixtureCase("connectly", "inbound-phone-and-bsuid", as: .connectly, [
        EventSummary(kind: .message, id: connectlyID("inbound-phone-and-bsuid"), phone: "16505551234",
                     bsuid: "US.13491208655302741918", name: "Sheena Nelson", country: "US",
                     channelNumber: business, channelID: businessID, what: "Is the sale still on?",
                     time: 1_780_000_000),
    ]),
    // `bsuid:` prefix in `id`, `phoneNumber: ""`, `name: null`.
    FixtureCase("connectly", "inbound-bsuid-only-null-name", as: .connectly, [
        EventSummary(kind: .message, id: connectlyID("inbound-bsuid-only-null-name"), bsuid: "JP.77120938475610",
                     country: "JP", channelNumber: business, channelID: businessID,
                     what: "こんにちは、在庫はありますか？", time: 1_780_000_300),
    ]),
    FixtureCase("connectly", "inbound-legacy-phone-media", as: .connectly, [
        EventSummary(kind: .message, id: connectlyID("inbound-legacy-phone-media"), phone: "16315555500",
                     name: "Vasi", channelNumber: business, channelID: businessID, what: "[video]",
                     time: 1_780_000_400),
    ]),
    FixtureCase("connectly", "status-delivered-phoneless", as: .connectly, [
        EventSummary(kind: .status, id: "01FRRWW2ZAHD9GJ1SWY4VF2GBD", bsuid: "JP.77120938475610", name: "John Snow",
                     country: "JP", channelNumber: business, channelID: businessID, what: "delivered",
                     time: 1_780_000_500),
    ]),
    FixtureCase("connectly", "status-delivery-failed", as: .connectly, [
        EventSummary(kind: .status, id: "01FRRWMSAMKNFZAMBPQ65CA7DD", phone: "16315555500", name: "Vasi",
                     channelNumber: business, channelID: businessID, what: "failed",
                     errorCode: "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID", time: 1_780_000_600),
    ]),
]

/// Connectly inbound payloads have no message id: the adapter derives one. The table reads it
/// back so the row checks everything else; `syntheticIDs` checks the id itself.
private func connectlyID(_ name: String) -> String {
    guard let json = try? WebhookFixture(directory: "connectly", name: name).json(),
          case .message(let m)? = ConnectlyAdapter().decode(json, receivedAt: WebhookFixture.receivedAt).events.first
    else { return "undecodable" }
    return m.id
}

@Suite struct ConnectlyAdapterTests {
    @Test(arguments: connectlyCases)
    func decodesFixture(_ row: FixtureCase) throws {
        try check(row)
    }

    /// Same body → same id (a redelivery is a duplicate); a different body → another id.
    @Test func syntheticIDs() throws {
        let json = try WebhookFixture(directory: "connectly", name: "inbound-phone-and-bsuid").json()
        let adapter = ConnectlyAdapter()
        let first = adapter.decode(json, receivedAt: WebhookFixture.receivedAt).events.first
        let again = adapter.decode(json, receivedAt: WebhookFixture.receivedAt.addingTimeInterval(60)).events.first
        guard case .message(let a)? = first, case .message(let b)? = again else {
            Issue.record("no message decoded")
            return
        }
        #expect(a.id == b.id)
        #expect(a.id.hasPrefix("connectly:"))
        let other = Set(connectlyCases.prefix(3).map { $0.expected[0].id })
        #expect(other.count == 3)
    }
}
