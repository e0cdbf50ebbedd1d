import Foundation
import Identity
import Testing
import Webhooks
@_spi(Testing) @testable import Store

/// Bodies that carry no conversation are valid: kept in the raw log, counted `ignored`, never
/// quarantined; unknown status words never cost the body; `played` comes after `read` (SPEC §2).
@Suite("Events that carry no conversation")
struct IgnoredBodyTests {
    static func meta(field: String, value: String) -> String {
        #"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":1795190000,"changes":[{"field":""#
            + field + #"","value":"# + value + "}]}]}"
    }

    static let metadata = #""messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"}"#

    @Test(arguments: [
        ("account_update", #"{"phone_number":"15550783881","event":"VERIFIED_ACCOUNT"}"#),
        ("message_template_status_update", #"{"event":"APPROVED","message_template_id":881,"message_template_name":"order_update","message_template_language":"en_US","reason":"NONE"}"#),
        ("phone_number_quality_update", #"{"display_phone_number":"15550783881","event":"FLAGGED","current_limit":"TIER_10K"}"#),
        ("messages", #"{"# + metadata + #","errors":[{"code":131000,"title":"Something went wrong","message":"Something went wrong"}]}"#),
        ("messages", #"{"# + metadata + #","statuses":[{"id":"wamid.OUT9","status":"reverted_by_meta","timestamp":"1795190000","recipient_user_id":"US.13491208655302741918"}]}"#),
    ])
    func validBodiesWithoutAConversationAreKeptAndIgnored(field: String, value: String) throws {
        let fixture = try StoreFixture()
        let outcome = try fixture.ingest(Self.meta(field: field, value: value))
        guard case .ignored = outcome else {
            Issue.record("\(field): \(outcome)")
            return
        }
        #expect(try fixture.store.rawEventCount() == 1)
        #expect(try fixture.store.quarantined().isEmpty)
        #expect(try fixture.store.contacts().isEmpty)
        #expect(try fixture.ingest(Self.meta(field: field, value: value)) == .duplicate)
    }

    @Test func anUnknownStatusWordSkipsOnlyItself() throws {
        let fixture = try StoreFixture()
        let value = #"{"# + Self.metadata + #","contacts":[{"profile":{"name":"Ana"},"user_id":"US.13491208655302741918"}],"#
            + #""messages":[{"from_user_id":"US.13491208655302741918","id":"wamid.IN7","timestamp":"1795190000","type":"text","text":{"body":"hola"}}],"#
            + #""statuses":[{"id":"wamid.OUT9","status":"mystery","timestamp":"1795190000","recipient_user_id":"US.13491208655302741918"}]}"#
        let outcome = try fixture.ingest(Self.meta(field: "messages", value: value))
        #expect(outcome == .ingested(applied: 1, skipped: 0))
        #expect(try fixture.store.quarantined().isEmpty)
    }

    @Test func playedComesAfterRead() throws {
        #expect(DeliveryStatus(providerValue: "played") == .played)
        #expect(DeliveryStatus.played.rank > DeliveryStatus.read.rank)
        #expect(DeliveryStatus.failed.rank > DeliveryStatus.played.rank)
    }
}

extension IgnoredBodyTests {
    /// A security-code change is not an identity change: the BSUID stays current.
    @Test func customerIdentityChangedLeavesIdentifiersAlone() throws {
        let fixture = try StoreFixture()
        let first = #"{"# + Self.metadata + #","contacts":[{"profile":{"name":"Ana"},"user_id":"US.13491208655302741918"}],"#
            + #""messages":[{"from_user_id":"US.13491208655302741918","id":"wamid.IN1","timestamp":"1795190000","type":"text","text":{"body":"hola"}}]}"#
        _ = try fixture.ingest(Self.meta(field: "messages", value: first))
        let change = #"{"# + Self.metadata + #","messages":[{"from_user_id":"US.13491208655302741918","id":"wamid.SYS1","#
            + #""timestamp":"1795190100","type":"system","system":{"body":"Ana's security code changed.","type":"customer_identity_changed","identity":"a1b2c3"}}]}"#
        let outcome = try fixture.ingest(Self.meta(field: "messages", value: change))
        #expect(outcome == .ignored(reason: "system message wamid.SYS1: customer_identity_changed, the customer's security code changed; identifiers unchanged"))
        let ana = try #require(try fixture.store.findContact(ref: "US.13491208655302741918"))
        #expect(ana.bsuid == "US.13491208655302741918")
        #expect(ana.superseded.isEmpty)
    }
}

/// A number change can arrive before any message from the old number (SPEC §2).
@Suite("Identity change first")
struct IdentityChangeFirstTests {
    @Test func aMessageFromTheOldNumberAfterTheChangeJoinsTheSameContact() throws {
        let fixture = try StoreFixture()
        let metadata = IgnoredBodyTests.metadata
        let change = #"{"# + metadata + #","messages":[{"from":"16505550100","id":"wamid.SYS2","timestamp":"1795190000","#
            + #""type":"system","system":{"body":"User changed number","type":"user_changed_number","wa_id":"16505550199"}}]}"#
        _ = try fixture.ingest(IgnoredBodyTests.meta(field: "messages", value: change))
        // An older message from the old number, delivered late.
        let old = #"{"# + metadata + #","contacts":[{"profile":{"name":"Rosa"},"wa_id":"16505550100"}],"#
            + #""messages":[{"from":"16505550100","id":"wamid.OLD1","timestamp":"1795189000","type":"text","text":{"body":"hi"}}]}"#
        _ = try fixture.ingest(IgnoredBodyTests.meta(field: "messages", value: old))
        let contacts = try fixture.store.contacts()
        #expect(contacts.count == 1)
        #expect(contacts.first?.phone == "16505550199")
        #expect(contacts.first?.superseded.map(\.value) == ["16505550100"])
    }
}
