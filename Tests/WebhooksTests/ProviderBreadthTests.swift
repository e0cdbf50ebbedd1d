import Identity
import JSON
import Testing
import Webhooks

private let aline = "RW.50918273645546372"
private let rwanda = "250788123200"
private let app = "01HSWB7Q2K9TZ4Y8V3N6M1RDCE"

/// Sinch's Conversation API callbacks (one trigger each, keyed by `app_id`), written from
/// Sinch's documented shapes with fresh values.
let sinchConversationCases: [FixtureCase] = [
    FixtureCase("sinch", "conversation-inbound-text", as: .sinch, [
        EventSummary(kind: .message, id: "01HSWB8AX3QJ7K2M5N8P0R4TVW", phone: "5215512345678", channelID: app,
                     what: "Hola, ¿tienen talla M?", time: 1_794_993_123.401),
    ]),
    // The identity is a BSUID (a username customer); a reply to an earlier message.
    FixtureCase("sinch", "conversation-inbound-bsuid-media-reply", as: .sinch, [
        EventSummary(kind: .message, id: "01HSWBF0AA11BB22CC33DD44EE", bsuid: "MX.20938475610293847", country: "MX", channelID: app,
                     what: "[reply to 01HSWBD9ZZ88YY77XX66WW55VV] [image] recibo.jpg", time: 1_794_993_343.99),
    ]),
    FixtureCase("sinch", "conversation-inbound-location-choice", as: .sinch, [
        EventSummary(kind: .message, id: "01HSWBL0CATION000000000001", phone: "5215512345678", channelID: app,
                     what: "[location] Tienda Centro, Av. Juárez 12 19.4326,-99.1332", time: 1_794_993_600),
    ]),
    FixtureCase("sinch", "conversation-inbound-choice", as: .sinch, [
        EventSummary(kind: .message, id: "01HSWBCH01CE00000000000001", phone: "5215512345678", channelID: app,
                     what: "[reply] size_m", time: 1_794_993_660),
    ]),
    FixtureCase("sinch", "conversation-delivery-failed", as: .sinch, [
        EventSummary(kind: .status, id: "01HSWBOUT0000000000000001A", bsuid: "MX.20938475610293847", country: "MX", channelID: app,
                     what: "failed", errorCode: "OUTSIDE_ALLOWED_SENDING_WINDOW", time: 1_794_994_202.552),
    ]),
    FixtureCase("sinch", "conversation-delivery-read", as: .sinch, [
        EventSummary(kind: .status, id: "01HSWBOUT0000000000000002B", phone: "5215512345678", channelID: app,
                     what: "read", time: 1_794_994_270),
    ]),
]

/// What Meta's Cloud API sends beyond text (referrals, context, flows, lists, orders, cards,
/// voice notes, edits, revokes, pricing on statuses), with a display number Meta formats.
let metaBreadthCases: [FixtureCase] = [
    FixtureCase("meta", "referral-ad", as: .meta, [meta("wamid.BREADTH01", "[ad: Kigali winter sale] Is this still available?", 1_795_100_000)]),
    FixtureCase("meta", "context-reply", as: .meta, [meta("wamid.BREADTH02", "[reply to wamid.OURQUESTION1] Yes please", 1_795_100_010)]),
    FixtureCase("meta", "context-forwarded", as: .meta, [meta("wamid.BREADTH03", "[forwarded many times] [image] look", 1_795_100_020)]),
    FixtureCase("meta", "referred-product", as: .meta, [meta("wamid.BREADTH04", "[about product SKU-RED-42] Do you have it in red?", 1_795_100_030)]),
    FixtureCase("meta", "nfm-reply", as: .meta, [meta("wamid.BREADTH05", "[flow reply] Sent (delivery_date, size)", 1_795_100_040)]),
    FixtureCase("meta", "list-reply", as: .meta, [meta("wamid.BREADTH06", "[reply] Tuesday 10:00 — Kigali Heights", 1_795_100_050)]),
    FixtureCase("meta", "template-button", as: .meta, [meta("wamid.BREADTH07", "[reply to wamid.TEMPLATE1] [reply] Confirm", 1_795_100_060)]),
    FixtureCase("meta", "unsupported-error", as: .meta, [meta("wamid.BREADTH08", "[unsupported] Message type unknown (131051)", 1_795_100_070)]),
    // Chatwoot #14547: 131060 with no content, often an ad's first message — still a message.
    FixtureCase("meta", "unavailable-from-ad", as: .meta, [meta("wamid.BREADTH14", "[ad: 120211122233399] [unsupported] This message is unavailable (131060)", 1_795_100_130)]),
    // restfb #1239: the older `type: "unknown"` shape.
    FixtureCase("meta", "unknown-older", as: .meta, [meta("wamid.BREADTH15", "[unsupported] Unsupported message type (131051)", 1_795_100_140)]),
    FixtureCase("meta", "order", as: .meta, [meta("wamid.BREADTH09", "[order] 3 items, 32.00 EUR: gift wrap please", 1_795_100_080)]),
    FixtureCase("meta", "contacts-card", as: .meta, [meta("wamid.BREADTH10", "[contact] Jean Bosco +250 788 999 111", 1_795_100_090)]),
    FixtureCase("meta", "voice", as: .meta, [meta("wamid.BREADTH11", "[voice]", 1_795_100_100)]),
    FixtureCase("meta", "edit", as: .meta, [meta("wamid.BREADTH12", "[edited wamid.BREADTH02] Yes please, two", 1_795_100_110)]),
    FixtureCase("meta", "revoke", as: .meta, [meta("wamid.BREADTH13", "[message deleted by the customer] wamid.BREADTH01", 1_795_100_120)]),
    FixtureCase("meta", "status-pricing-opaque", as: .meta, [
        EventSummary(kind: .status, id: "wamid.OUTBOUND77", phone: "250788555014", bsuid: aline, country: "RW",
                     channelNumber: rwanda, channelID: "302918475610293", what: "delivered", time: 1_795_100_200),
    ]),
]

private func meta(_ id: String, _ what: String, _ time: Double) -> EventSummary {
    EventSummary(kind: .message, id: id, phone: "250788555014", bsuid: aline, name: "Aline Uwase", country: "RW",
                 channelNumber: rwanda, channelID: "302918475610293", what: what, time: time)
}

@Suite struct ProviderBreadthTests {
    @Test(arguments: sinchConversationCases)
    func decodesSinchConversationCallback(_ row: FixtureCase) throws {
        try check(row)
    }

    @Test(arguments: metaBreadthCases)
    func decodesMetaBreadth(_ row: FixtureCase) throws {
        try check(row)
    }

    /// Triggers without a message, and messages on other channels (SMS), are valid and kept:
    /// ignored, never quarantined.
    @Test(arguments: ["conversation-contact-create", "conversation-inbound-sms"])
    func sinchCallbacksWithoutAWhatsAppMessageAreIgnored(_ name: String) throws {
        let result = try WebhookFixture(directory: "sinch", name: name).decode()
        guard case .success(let body) = result else {
            Issue.record("expected a decoded body, got \(result)")
            return
        }
        #expect(body.provider == .sinch)
        #expect(body.webhook.isIgnorable, "\(body.webhook)")
    }

    @Test(arguments: [
        #"{"type":"whatsapp.contact.identity_changed","phone_number_id":"1","contact":{"wa_id":"15550001111"}}"#,
        #"{"event":"whatsapp.contact.identity_changed","data":{"previous":"x"}}"#,
        #"{"type":"whatsapp.conversation.ended","phone_number_id":"1","conversation":{"id":"c1","phone_number_id":"1"}}"#,
    ])
    func kapsoEventsWithoutAMessageAreIgnored(_ text: String) throws {
        let result = WebhookDecoder.decode(Array(text.utf8), provider: nil, receivedAt: WebhookFixture.receivedAt)
        guard case .success(let body) = result else {
            Issue.record("expected a decoded body, got \(result)")
            return
        }
        #expect(body.provider == .kapso)
        #expect(body.webhook.isIgnorable, "\(body.webhook)")
    }
}
