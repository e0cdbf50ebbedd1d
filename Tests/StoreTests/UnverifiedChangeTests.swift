import Foundation
import Identity
import Testing
import Webhooks
@_spi(Testing) import Store

/// SPEC §6: an identity change arriving through an unsigned channel never moves identifiers
/// learned through a signed channel; it is kept as an unverified change for the operator.
@Suite("Unverified identity changes")
struct UnverifiedChangeTests {
    /// `support` is signed (it has a webhook secret); `sales` has none.
    static let channels = ChannelDirectory([
        Channel(name: "support", provider: .meta, number: "15550783881", id: "106540352242922",
                portfolio: "acme", webhookSecretEnv: "SUPPORT_SECRET"),
        Channel(name: "sales", provider: .meta, number: "15550783882", id: "106540352242923",
                portfolio: "acme", allowUnsigned: true),
    ])

    static func body(number: String, id: String, _ value: String) -> RawWebhook {
        let text = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"\#(number)","phone_number_id":"\#(id)"},"#
            + value + "}}]}]}"
        return RawWebhook(body: Array(text.utf8), receivedAt: Date(timeIntervalSince1970: 1_795_200_000))
    }

    static let fromRosa = body(number: "15550783881", id: "106540352242922",
        #""contacts":[{"profile":{"name":"Rosa"},"wa_id":"16505550100"}],"messages":[{"from":"16505550100","id":"wamid.R1","timestamp":"1795190000","type":"text","text":{"body":"hi"}}]"#)
    /// The attacker, on the unsigned number, claims Rosa moved to their phone.
    static let forgedChange = body(number: "15550783882", id: "106540352242923",
        #""messages":[{"from":"16505550100","id":"wamid.FORGED","timestamp":"1795190100","type":"system","system":{"body":"User changed number","type":"user_changed_number","wa_id":"16505559666"}}]"#)

    @Test(arguments: StoreBackend.available)
    func anUnsignedChangeIsHeldAndAppliedOnlyWhenApproved(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.ingest(Self.fromRosa, channels: Self.channels)
        let outcome = try store.ingest(Self.forgedChange, channels: Self.channels)
        #expect(outcome == .ingested(applied: 1, skipped: 0))
        var rosa = try #require(try store.findContact(ref: "16505550100"))
        #expect(rosa.phone == "16505550100")
        #expect(try store.findContact(ref: "16505559666") == nil)
        let detail = try #require(try store.contactDetail(id: rosa.id))
        let held = try #require(detail.unverifiedChanges.first)
        #expect(detail.unverifiedChanges.count == 1)
        #expect(held.summary == "phone 16505550100 → 16505559666 via sales (unsigned)")
        // A retry of the same forged body changes nothing.
        #expect(try store.ingest(Self.forgedChange, channels: Self.channels) == .duplicate)

        // Rebuild keeps it held.
        _ = try store.rebuild(channels: Self.channels)
        rosa = try #require(try store.findContact(ref: "16505550100"))
        #expect(rosa.phone == "16505550100")
        let again = try #require(try store.contactDetail(id: rosa.id)?.unverifiedChanges.first)

        // The operator approves: now the change applies, and stays applied across rebuild.
        #expect(try store.approveChange(id: again.id, operator: "ana", at: Date(), channels: Self.channels) != nil)
        rosa = try #require(try store.findContact(ref: "16505550100"))
        #expect(rosa.phone == "16505559666")
        #expect(try store.contactDetail(id: rosa.id)?.unverifiedChanges.isEmpty == true)
        _ = try store.rebuild(channels: Self.channels)
        #expect(try store.findContact(ref: "16505550100")?.phone == "16505559666")
        #expect(try store.approveChange(id: again.id, operator: "ana", at: Date(), channels: Self.channels) == nil)
    }

    @Test(arguments: StoreBackend.available)
    func anUnsignedChangeOfIdentifiersOnlyEverSeenUnsignedApplies(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let fromSales = Self.body(number: "15550783882", id: "106540352242923",
            #""contacts":[{"profile":{"name":"Rosa"},"wa_id":"16505550100"}],"messages":[{"from":"16505550100","id":"wamid.S1","timestamp":"1795190000","type":"text","text":{"body":"hi"}}]"#)
        _ = try store.ingest(fromSales, channels: Self.channels)
        _ = try store.ingest(Self.forgedChange, channels: Self.channels)
        #expect(try store.findContact(ref: "16505550100")?.phone == "16505559666")
    }

    @Test(arguments: StoreBackend.available)
    func aSignedChangeMovesVerifiedIdentifiers(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.ingest(Self.fromRosa, channels: Self.channels)
        let signed = Self.body(number: "15550783881", id: "106540352242922",
            #""messages":[{"from":"16505550100","id":"wamid.REAL","timestamp":"1795190100","type":"system","system":{"body":"User changed number","type":"user_changed_number","wa_id":"16505550199"}}]"#)
        _ = try store.ingest(signed, channels: Self.channels)
        let rosa = try #require(try store.findContact(ref: "16505550100"))
        #expect(rosa.phone == "16505550199")
        #expect(try store.contactDetail(id: rosa.id)?.unverifiedChanges.isEmpty == true)
    }
}
