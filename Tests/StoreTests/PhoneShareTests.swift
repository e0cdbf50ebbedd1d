import Foundation
import Identity
import Testing
import Webhooks
@_spi(Testing) import Store

/// Issue 14 part 2: the customer taps "share phone"; a `contacts` message with
/// `origin: contact_request` attaches the phone to the sender. Any other card is content.
@Suite("A shared phone comes back", .serialized)
struct PhoneShareTests {
    typealias C = StoreContractTests
    static let bsuid = "US.13491208655302741918"

    static func card(_ id: String, origin: String?, phone: String, at time: Int, from: String = bsuid) -> RawWebhook {
        let origin = origin.map { #","origin":"\#($0)""# } ?? ""
        let body = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
            "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
            "contacts":[{"profile":{"name":"Sheena Nelson"},"user_id":"\(from)"}],
            "messages":[{"from_user_id":"\(from)","id":"\(id)","timestamp":"\(time)","type":"contacts",
            "contacts":[{"name":{"formatted_name":"Sheena Nelson"},"phones":[{"phone":"+\(phone)","wa_id":"\(phone)","type":"CELL"}]\(origin)}]}]}}]}]}
            """
        return RawWebhook(body: Array(body.utf8), receivedAt: C.at)
    }

    @Test(arguments: StoreBackend.available)
    func aSharedPhoneBelongsToTheSenderAndRepliesGoThere(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.ingest(C.inbound("wamid.IN1", "hello", at: 1_795_190_000), channels: C.channels)
        #expect(try store.findContact(ref: Self.bsuid)?.phone == nil)
        _ = try store.ingest(Self.card("wamid.CARD1", origin: "contact_request", phone: "16505550199", at: 1_795_190_100), channels: C.channels)
        let contact = try #require(try store.findContact(ref: Self.bsuid))
        #expect(contact.phone == "16505550199")
        #expect(contact.identitySource == .nativePhone)
        #expect(try store.timeline(contact: contact.id).contains { $0.kind == "phone_shared" && $0.text.contains("16505550199") })
        let context = try #require(try store.replyContext(contact: contact.id))
        let support = try #require(C.channels.named("support"))
        #expect(ReplyPlanner.plan(context: context, channel: support, kind: .text, now: C.at).plan?.identifier.kind == .phone)
    }

    @Test(arguments: StoreBackend.available)
    func anyOtherContactCardIsContentNeverTheSendersPhone(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.ingest(C.inbound("wamid.IN1", "hello", at: 1_795_190_000), channels: C.channels)
        _ = try store.ingest(Self.card("wamid.CARD2", origin: nil, phone: "16505550177", at: 1_795_190_100), channels: C.channels)
        #expect(try store.findContact(ref: Self.bsuid)?.phone == nil)
        #expect(try store.findContact(ref: "16505550177") == nil)
    }

    @Test(arguments: StoreBackend.available)
    func aSharedPhoneHeldByAnotherContactIsAConflictNotAMerge(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.ingest(C.inbound("wamid.P1", "hola", at: 1_795_190_000, bsuid: "US.13491208655302740001", phone: "16505550199"),
                             channels: C.channels)
        _ = try store.ingest(C.inbound("wamid.IN1", "hello", at: 1_795_190_050), channels: C.channels)
        _ = try store.ingest(Self.card("wamid.CARD3", origin: "contact_request", phone: "16505550199", at: 1_795_190_100), channels: C.channels)
        let sheena = try #require(try store.findContact(ref: Self.bsuid))
        let other = try #require(try store.findContact(ref: "US.13491208655302740001"))
        #expect(sheena.id != other.id, "never a merge")
        let conflicts = (try store.contactDetail(id: sheena.id)?.conflicts ?? []) + (try store.contactDetail(id: other.id)?.conflicts ?? [])
        #expect(conflicts.contains { $0.phone == "16505550199" }, "flagged as a conflict")
    }
}
