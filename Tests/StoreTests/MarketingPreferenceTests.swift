import Foundation
import Identity
import Testing
import JSON
import Webhooks
@_spi(Testing) import Store

/// Issue "Phone recovery, marketing preferences…" part 3: `user_preferences` stop/resume and a
/// failed status with 131050 set the marketing preference per business number; the reply
/// plan refuses a marketing template to a stopped customer there, and nothing else.
@Suite("Marketing preferences", .serialized)
struct MarketingPreferenceTests {
    typealias C = StoreContractTests
    static let bsuid = "US.13491208655302741918"

    static func preference(_ value: String, at time: Int) -> RawWebhook {
        let body = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"user_preferences","value":{
            "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
            "contacts":[{"profile":{"name":"Sheena Nelson"},"user_id":"\(bsuid)"}],
            "user_preferences":[{"user_id":"\(bsuid)","category":"marketing_messages","value":"\(value)","detail":"","timestamp":\(time)}]}}]}]}
            """
        return RawWebhook(body: Array(body.utf8), receivedAt: C.at)
    }

    static func plan(_ store: any InboxStore, _ kind: MessageKind) throws -> ReplyDecision {
        let contact = try #require(try store.findContact(ref: bsuid))
        let context = try #require(try store.replyContext(contact: contact.id))
        let support = try #require(C.channels.named("support"))
        return ReplyPlanner.plan(context: context, channel: support, kind: kind, now: C.at)
    }

    static let promo = MessageKind.template(name: "promo", category: .marketing)
    static let update = MessageKind.template(name: "order_update", category: .utility)

    @Test(arguments: StoreBackend.available)
    func stopRefusesMarketingTemplatesOnThatNumberUntilResume(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.ingest(C.inbound("wamid.IN1", "hello", at: 1_795_190_000), channels: C.channels)
        #expect(try Self.plan(store, Self.promo).plan != nil)
        let outcome = try store.ingest(Self.preference("stop", at: 1_795_190_100), channels: C.channels)
        #expect(outcome == .ingested(applied: 1, skipped: 0), "\(outcome)")
        #expect(try Self.plan(store, Self.promo).refusal?.code == .marketingOptedOut)
        #expect(try Self.plan(store, Self.update).plan != nil, "utility templates still go")
        #expect(try Self.plan(store, .text).plan != nil, "replies still go")
        let contact = try #require(try store.findContact(ref: Self.bsuid))
        #expect(contact.marketing["support"]?.stopped == true)
        #expect(try store.timeline(contact: contact.id).contains { $0.kind == "marketing" && $0.text.hasPrefix("stopped marketing messages on support") })

        _ = try store.ingest(Self.preference("resume", at: 1_795_190_200), channels: C.channels)
        #expect(try Self.plan(store, Self.promo).plan != nil)
        #expect(try store.findContact(ref: Self.bsuid)?.marketing["support"]?.stopped == false)
        // Survives rebuild: it is projection from the raw log.
        _ = try store.rebuild(channels: C.channels)
        #expect(try store.findContact(ref: Self.bsuid)?.marketing["support"]?.stopped == false)
        #expect(try store.timeline(contact: try #require(try store.findContact(ref: Self.bsuid)).id).filter { $0.kind == "marketing" }.count == 2)
    }

    @Test(arguments: StoreBackend.available)
    func aFailedSendWith131050StopsMarketingForThatCustomer(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let entry = try C.customerAndReply(store)
        _ = try store.claimOutboxEntry(entry.id, at: C.at)
        try store.markOutboxSent(entry.id, providerMessageID: "wamid.OUT1", httpStatus: 200, at: C.at)
        let failed = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
            "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
            "statuses":[{"id":"wamid.OUT1","status":"failed","timestamp":"1795190300",
            "errors":[{"code":131050,"title":"Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business"}]}]}}]}]}
            """
        _ = try store.ingest(RawWebhook(body: Array(failed.utf8), receivedAt: C.at), channels: C.channels)
        #expect(try store.message(id: entry.messageID)?.status == .failed)
        #expect(try Self.plan(store, Self.promo).refusal?.code == .marketingOptedOut)
        #expect(try store.findContact(ref: Self.bsuid)?.marketing["support"]?.reason == "error 131050")
    }

    @Test func aPreferenceWithoutAValueIsRejectedAndOtherCategoriesIgnored() {
        let adapter = MetaAdapter()
        func decode(_ item: String) -> DecodedWebhook {
            let body = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"user_preferences","value":{"metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"user_preferences":["# + item + "]}}]}]}"
            return adapter.decode(try! JSONParser.parse(Array(body.utf8)), receivedAt: C.at)
        }
        #expect(decode(#"{"user_id":"US.1","category":"marketing_messages","value":"maybe"}"#).rejected.count == 1)
        #expect(decode(#"{"user_id":"US.1","category":"calls","value":"stop"}"#).ignored.count == 1)
        let stop = decode(#"{"wa_id":"16505550100","category":"marketing_messages","value":"STOP","timestamp":"1795190000"}"#)
        guard case .marketingPreference(let preference)? = stop.events.first else {
            Issue.record("no event: \(stop)")
            return
        }
        #expect(preference.stopped)
        #expect(preference.customer.phone == "16505550100")
    }
}
