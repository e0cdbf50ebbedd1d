import Foundation
import Identity
import Testing
import Webhooks
@_spi(Testing) import Store

/// What the inbox's team workflow reads from the store, on every backend: views (with a
/// snooze that ends by itself), their counts, the list markers, presence, delivery history
/// and finding conversations by who they are with.
@Suite("Team workflow in the store", .serialized)
struct TeamWorkflowStoreTests {
    typealias C = StoreContractTests
    static let t0 = Date(timeIntervalSince1970: 1_795_200_000)

    /// Three customers on the support number: Sheena (BSUID), Pablo (phone), Mina (BSUID).
    static func threeConversations(_ store: any InboxStore) throws -> (sheena: Conversation, pablo: Conversation, mina: Conversation) {
        _ = try store.ingest(C.inbound("wamid.S1", "lamp order", at: 1_795_190_000), channels: C.channels)
        _ = try store.ingest(C.inbound("wamid.P1", "hola", at: 1_795_190_100, bsuid: "US.13491208655302740001", phone: "16505559999"),
                             channels: C.channels)
        let mina = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
            "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
            "contacts":[{"profile":{"name":"Mina Park","username":"@mina.park"},"user_id":"US.13491208655302740002"}],
            "messages":[{"from_user_id":"US.13491208655302740002","id":"wamid.M1","timestamp":"1795190200","type":"text","text":{"body":"hi"}}]}}]}]}
            """
        _ = try store.ingest(RawWebhook(body: Array(mina.utf8), receivedAt: C.at), channels: C.channels)
        let all = try store.conversations()
        func named(_ bsuid: String) throws -> Conversation {
            let contact = try #require(try store.findContact(ref: bsuid))
            return try #require(all.first { $0.contactID == contact.id })
        }
        return (try named("US.13491208655302741918"), try named("US.13491208655302740001"), try named("US.13491208655302740002"))
    }

    @Test(arguments: StoreBackend.available)
    func viewsFilterTheListExactlyAsTheirRuleAndCountThemselves(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let (sheena, pablo, mina) = try Self.threeConversations(store)
        _ = try store.change(conversations: [sheena.id], .assign("ana"), operator: "ana", at: Self.t0)
        _ = try store.change(conversations: [pablo.id], .status(.resolved, until: nil), operator: "ana", at: Self.t0)
        let until = Self.t0.addingTimeInterval(3600)
        _ = try store.change(conversations: [mina.id], .status(.snoozed, until: until), operator: "bo", at: Self.t0)

        func ids(_ view: ConversationView, at now: Date, unread: Bool = false) throws -> Set<Int64> {
            let filter = ConversationFilter(view: view, unreadOnly: unread, me: "ana", now: now)
            let rows = try store.conversations(from: .top, limit: 10, filter: filter)
            // The store's query and the in-memory rule agree, row by row.
            for row in try store.conversations() { #expect(filter.matches(row) == rows.contains { $0.id == row.id }, "\(view) \(row.displayName)") }
            return Set(rows.map(\.id))
        }
        #expect(try ids(.open, at: Self.t0) == [sheena.id])
        #expect(try ids(.mine, at: Self.t0) == [sheena.id])
        #expect(try ids(.unassigned, at: Self.t0) == [])
        #expect(try ids(.snoozed, at: Self.t0) == [mina.id])
        #expect(try ids(.resolved, at: Self.t0) == [pablo.id])
        #expect(try ids(.all, at: Self.t0) == [sheena.id, pablo.id, mina.id])
        // The snooze ends by itself at its time: Mina is open (and unassigned) from then on.
        #expect(try ids(.snoozed, at: until) == [])
        #expect(try ids(.open, at: until) == [sheena.id, mina.id])
        #expect(try ids(.unassigned, at: until) == [mina.id])

        let counts = try store.counts(me: "ana", at: Self.t0)
        #expect(counts.views == [.open: 1, .mine: 1, .unassigned: 0, .snoozed: 1, .resolved: 1, .all: 3])
        #expect(counts.unreadMessages == 3)
        #expect(counts.nextSnoozeEnd == until)
        #expect(try store.counts(me: "ana", at: until).views[.open] == 2)
        #expect(try store.counts(me: nil, at: Self.t0).views[.mine] == 0)
    }

    @Test(arguments: StoreBackend.available)
    func rowsSayWhenOurLastReplyFailedAndWhenADraftWaits(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let entry = try C.customerAndReply(store)
        var row = try #require(try store.conversations().first)
        #expect(!row.lastSendFailed && !row.hasDraft)
        _ = try store.markOutboxFailed(entry.id, error: ProviderError(code: "131047", title: "Re-engagement message"),
                                       httpStatus: 400, at: C.at)
        try store.saveDraft(conversationID: row.id, text: "one more try", at: 1_795_200_100)
        row = try #require(try store.conversation(id: row.id))
        #expect(row.lastSendFailed && row.hasDraft)
        try store.saveDraft(conversationID: row.id, text: "", at: 1_795_200_200)
        #expect(try store.conversation(id: row.id)?.hasDraft == false)
    }

    @Test(arguments: StoreBackend.available)
    func anOutgoingMessageKeepsEveryDeliveryStepWithItsTime(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let entry = try C.customerAndReply(store)
        _ = try store.claimOutboxEntry(entry.id, at: C.at)
        try store.markOutboxSent(entry.id, providerMessageID: "wamid.OUT1", httpStatus: 200, at: Date(timeIntervalSince1970: 1_795_190_150))
        let read = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
            "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
            "statuses":[{"id":"wamid.OUT1","status":"read","timestamp":"1795190300","recipient_user_id":"US.13491208655302741918"}]}}]}]}
            """
        _ = try store.ingest(RawWebhook(body: Array(read.utf8), receivedAt: C.at), channels: C.channels)
        let history = try store.deliveryHistory(messageID: entry.messageID)
        #expect(history.map(\.status) == [.pending, .sent, .read])
        #expect(history.map(\.at.timeIntervalSince1970) == [1_795_190_100, 1_795_190_150, 1_795_190_300])
    }

    @Test(arguments: StoreBackend.available)
    func presenceIsShortLivedAndPerOperator(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let (sheena, _, _) = try Self.threeConversations(store)
        try store.setPresence(conversationID: sheena.id, operator: "ana", until: Self.t0.addingTimeInterval(20))
        try store.setPresence(conversationID: sheena.id, operator: "bo", until: Self.t0.addingTimeInterval(5))
        #expect(try store.presence(conversationID: sheena.id, at: Self.t0) == ["ana", "bo"])
        #expect(try store.presence(conversationID: sheena.id, at: Self.t0.addingTimeInterval(10)) == ["ana"])
        try store.setPresence(conversationID: sheena.id, operator: "ana", until: Self.t0.addingTimeInterval(60))   // refreshed
        try store.setPresence(conversationID: sheena.id, operator: "bo", until: nil)
        #expect(try store.presence(conversationID: sheena.id, at: Self.t0.addingTimeInterval(30)) == ["ana"])
    }

    @Test(arguments: StoreBackend.available)
    func conversationsAreFoundByNameUsernamePhoneAndBSUID(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let (sheena, pablo, mina) = try Self.threeConversations(store)
        func found(_ text: String) throws -> [Int64] { try store.findConversations(matching: text, limit: 10).map(\.id) }
        #expect(Set(try found("SHEENA")) == [sheena.id, pablo.id])   // both wrote as "Sheena Nelson"
        #expect(try found("mina p") == [mina.id])
        #expect(try found("@mina.PARK") == [mina.id])
        #expect(try found("+1 650-555-9999") == [pablo.id])
        #expect(try found("5559999") == [pablo.id])
        #expect(try found("US.13491208655302740002") == [mina.id])
        #expect(try found("1349120865530274000").sorted() == [pablo.id, mina.id].sorted())
        #expect(try found("%").isEmpty)
        #expect(try found("   ").isEmpty)
    }
}
