import Identity
import JSON
import Testing
import Webhooks

private let sheena = "US.13491208655302741918"
private let sheenaParent = "US.ENT.11815799212886844830"
private let lena = "DE.55012938845710"
private let pnid = "kapso-pnid-1"

let kapsoCases: [FixtureCase] = [
    FixtureCase("kapso", "received-phone-and-bsuid", as: .kapso, [
        EventSummary(kind: .message, id: "wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQUZEMDAwMDAwMDAwMDAwMDAwMQA=",
                     phone: "16315551181", bsuid: sheena, parent: sheenaParent, username: "@realsheenanelson",
                     name: "Sheena Nelson", country: "US", channelID: pnid, what: "Do you ship to Canada?",
                     time: 1_780_000_000),
    ]),
    // `from`, `phone_number`, `wa_id` and the parent all null.
    FixtureCase("kapso", "received-bsuid-only-username", as: .kapso, [
        EventSummary(kind: .message, id: "wamid.HBgLMDAwMDAwMDAwMDAwFQIAEhgUM0FGRDAwMDAwMDAwMDAwMDAwMDIA",
                     bsuid: lena, username: "@lena_k", name: "Lena K.", country: "DE", channelID: pnid,
                     what: "Ich hätte gern Größe M 🙏", time: 1_780_000_100),
    ]),
    // v2: the name is only under `conversation.kapso.contact_name`.
    FixtureCase("kapso", "received-v2-contact-name", as: .kapso, [
        EventSummary(kind: .message, id: "wamid.HBgLNDQ3NzAwOTAwNDQ0FQIAEhgUM0FGRDAwMDAwMDAwMDAwMDAwOTkA",
                     bsuid: "GB.70011223344", name: "Priya Shah", country: "GB", channelID: pnid,
                     what: "Is the blue one back in stock?", time: 1_780_000_300),
    ]),
    FixtureCase("kapso", "batch-received", as: .kapso, [
        EventSummary(kind: .message, id: "wamid.BATCH0001", bsuid: lena, country: "DE", channelID: pnid,
                     what: "[location] Alexanderplatz 52.52,13.405", time: 1_780_000_200),
        EventSummary(kind: .message, id: "wamid.BATCH0002", phone: "16315551181", channelID: pnid,
                     what: "[reaction] ❤️", time: 1_780_000_201),
    ]),
    // The time is the matching entry of the status history (ISO), not the send time.
    FixtureCase("kapso", "status-delivered", as: .kapso, [
        EventSummary(kind: .status, id: "wamid.OUT0001", bsuid: lena, username: "@lena_k", country: "DE",
                     channelID: pnid, what: "delivered", time: 1_780_000_153),
    ]),
    FixtureCase("kapso", "status-failed", as: .kapso, [
        EventSummary(kind: .status, id: "wamid.OUT0002", phone: "16315551181", channelID: pnid, what: "failed",
                     errorCode: "131047", time: 1_780_000_161),
    ]),
    // Raw Meta forwarded by Kapso parses as Meta.
    FixtureCase("kapso", "forwarded-meta", as: .meta, [
        EventSummary(kind: .message, id: "wamid.FORWARDED0001", bsuid: sheena, parent: sheenaParent,
                     username: "@realsheenanelson", name: "Sheena Nelson", country: "US",
                     channelNumber: "15550003333", channelID: pnid, what: "Forwarded as raw Meta", time: 1_780_000_300),
    ]),
]

@Suite struct KapsoAdapterTests {
    @Test(arguments: kapsoCases)
    func decodesFixture(_ row: FixtureCase) throws {
        try check(row)
    }

    /// Conversation events carry no message: kept and counted ignored (SPEC §2), never quarantined.
    @Test func conversationEventIsReportedNotIngested() {
        let body: JSONValue = [
            "conversation": ["id": "c", "phone_number_id": "kapso-pnid-1", "business_scoped_user_id": "DE.55012938845710"],
            "phone_number_id": "kapso-pnid-1",
        ]
        #expect(KapsoAdapter().recognizes(body))
        let webhook = KapsoAdapter().decode(body, receivedAt: WebhookFixture.receivedAt)
        #expect(webhook.events.isEmpty)
        #expect(webhook.rejected.isEmpty)
        #expect(webhook.isIgnorable)
    }
}
