import Identity
import JSON
import Testing
import Webhooks

private let sheena = "US.13491208655302741918"
private let channelID = "11111111-1111-1111-1111-111111111111"

let azureCases: [FixtureCase] = [
    FixtureCase("azure", "received-phone-and-bsuid", as: .azure, [
        EventSummary(kind: .message, id: "a7e1d3c0-1111-4222-8333-000000000001", phone: "14255551234",
                     bsuid: sheena, country: "US", channelID: channelID, what: "Hi there!",
                     time: 1_780_000_000.123),
    ]),
    FixtureCase("azure", "received-bsuid-only-empty-from", as: .azure, [
        EventSummary(kind: .message, id: "a7e1d3c0-1111-4222-8333-000000000002", bsuid: sheena, country: "US",
                     channelID: channelID, what: "[image] this one 👇", time: 1_780_000_019),
    ]),
    // `from` null, no fromBSUID: the BSUID is taken from the subject and never made a phone.
    FixtureCase("azure", "received-null-from-subject-only", as: .azure, [
        EventSummary(kind: .message, id: "a7e1d3c0-1111-4222-8333-000000000003", bsuid: "MY.20359174628801",
                     country: "MY", channelID: channelID, what: "[unsupported: sticker]", time: 1_780_002_000),
    ]),
    FixtureCase("azure", "status-delivered-to-bsuid", as: .azure, [
        EventSummary(kind: .status, id: "22222222-2222-2222-2222-222222222222", bsuid: sheena, country: "US",
                     channelID: channelID, what: "delivered", time: 1_780_002_298),
    ]),
    // One event as a bare object (not an array), timestamps with seven fractional digits.
    FixtureCase("azure", "status-read-single-object-7-digits", as: .azure, [
        EventSummary(kind: .status, id: "33333333-3333-3333-3333-333333333333", bsuid: sheena, country: "US",
                     channelID: channelID, what: "read", time: 1_780_002_359.988),
    ]),
    FixtureCase("azure", "status-failed-error", as: .azure, [
        EventSummary(kind: .status, id: "33333333-3333-3333-3333-333333333333", phone: "14255550199",
                     channelID: channelID, what: "failed", errorCode: "131047", time: 1_780_002_599),
    ]),
    FixtureCase("azure", "cloudevents-received", as: .azure, [
        EventSummary(kind: .message, id: "a7e1d3c0-1111-4222-8333-000000000006", phone: "14255551234",
                     bsuid: sheena, country: "US", channelID: channelID, what: "[reply] Yes, please",
                     time: 1_780_005_600),
    ]),
]

@Suite struct AzureAdapterTests {
    @Test(arguments: azureCases)
    func decodesFixture(_ row: FixtureCase) throws {
        try check(row)
    }

    /// A validation event is a handshake: answered with its code, never ingested.
    @Test func subscriptionValidationIsAHandshake() throws {
        let result = try WebhookFixture(directory: "azure", name: "subscription-validation").decode()
        guard case .success(let body) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(body.provider == .azure)
        #expect(body.webhook.events.isEmpty)
        #expect(body.webhook.handshake == .eventGridValidation(code: "512d38b6-c7b8-40c8-89fe-f46f9e9622b6"))
    }

    @Test(arguments: [
        "advancedMessage/sender/US.13491208655302741918/recipient/abc",
        "advancedMessage/sender/14255551234/recipient/abc",
    ])
    func subjectNamesTheSender(subject: String) throws {
        let parsed = try #require(AdvancedMessageSubjectProbe.sender(of: subject))
        #expect(subject.contains("/sender/\(parsed)/"))
    }

    @Test func eventWithoutIdentifierIsRejected() {
        let body: JSONValue = [[
            "id": "x", "eventType": "Microsoft.Communication.AdvancedMessageReceived",
            "subject": "advancedMessage/sender//recipient/abc",
            "data": ["messageId": "m", "from": "", "fromBSUID": nil, "to": "abc", "content": "hi"],
        ] as JSONValue]
        let webhook = AzureAdapter().decode(body, receivedAt: WebhookFixture.receivedAt)
        #expect(webhook.events.isEmpty)
        #expect(webhook.rejected.count == 1)
    }
}

/// Reads the sender back through the public decoder (the subject parser is internal).
enum AdvancedMessageSubjectProbe {
    static func sender(of subject: String) -> String? {
        let body: JSONValue = [[
            "id": "probe", "eventType": "Microsoft.Communication.AdvancedMessageReceived", "subject": .string(subject),
            "data": ["messageId": "probe", "to": "abc", "content": "x", "messageType": "text"],
        ] as JSONValue]
        guard case .message(let m)? = AzureAdapter().decode(body, receivedAt: WebhookFixture.receivedAt).events.first
        else { return nil }
        return m.customer.identifiers.first?.value
    }
}
