import Foundation
import Identity
import Testing
import Webhooks
@_spi(Testing) import Store

/// A backend under contract test: how to open a fresh, empty store of it.
struct StoreBackend: Sendable, CustomTestStringConvertible {
    let name: String
    let open: @Sendable () throws -> any InboxStore

    var testDescription: String { name }

    /// Every backend this machine can run: SQLite always; PostgreSQL when
    /// `SWITCHBOARD_TEST_POSTGRES` names a server (CI starts one).
    static var available: [StoreBackend] {
        var backends = [StoreBackend(name: "sqlite") {
            try SQLiteStore(path: FileManager.default.temporaryDirectory
                .appendingPathComponent("switchboard-contract-\(UUID().uuidString).sqlite").path)
        }]
        backends += ContractBackends.extra
        return backends
    }
}

/// The store contract (SPEC §1): what every backend of `InboxStore` must do, written against
/// the protocol only — no SQL, no backend internals.
@Suite("Store contract", .serialized)
struct StoreContractTests {
    static let channels = StoreFixture.channels
    static let at = Date(timeIntervalSince1970: 1_795_200_000)

    static func ingestSamples(_ store: any InboxStore) throws -> [String: IngestOutcome] {
        var outcomes: [String: IngestOutcome] = [:]
        for (name, body) in try StoreFixture.metaSamples() {
            outcomes[name] = try store.ingest(RawWebhook(body: body, receivedAt: at), channels: channels)
        }
        return outcomes
    }

    static func inbound(_ id: String, _ text: String, at time: Int, bsuid: String = "US.13491208655302741918",
                        phone: String? = nil) -> RawWebhook {
        let wa = phone.map { #","wa_id":"\#($0)""# } ?? ""
        let from = phone.map { #""from":"\#($0)","# } ?? ""
        let body = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
            "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
            "contacts":[{"profile":{"name":"Sheena Nelson"},"user_id":"\(bsuid)"\(wa)}],
            "messages":[{\(from)"from_user_id":"\(bsuid)","id":"\(id)","timestamp":"\(time)","type":"text","text":{"body":"\(text)"}}]}}]}]}
            """
        return RawWebhook(body: Array(body.utf8), receivedAt: at)
    }

    /// A BSUID-only customer who wrote once, and a reply to them written to the outbox.
    static func customerAndReply(_ store: any InboxStore) throws -> OutboxEntry {
        _ = try store.ingest(inbound("wamid.IN1", "hello", at: 1_795_190_000), channels: channels)
        let contact = try #require(try store.findContact(ref: "US.13491208655302741918"))
        return try store.enqueue(OutgoingMessageRecord(
            channel: "support", provider: .meta, contact: contact.id, type: "text", text: "Hi back",
            recipient: Identifier(kind: .bsuid, value: "US.13491208655302741918"), request: "{}",
            createdAt: Date(timeIntervalSince1970: 1_795_190_100)))
    }

    static func snapshot(_ store: any InboxStore) throws -> [String] {
        let contacts = try store.contacts().map { c in
            "\(c.displayName)|\(c.phone ?? "")|\(c.bsuid ?? "")|\(c.parentBSUID ?? "")|\(c.identitySource.rawValue)|"
                + c.identifiers.map { "\($0.kind.rawValue):\($0.value)@\($0.scope ?? ""):\($0.current)" }.sorted().joined(separator: ",")
        }
        let conversations = try store.conversations().map {
            "\($0.displayName)|\($0.channel)|\($0.messageCount)|\($0.unread)|\($0.preview ?? "")"
        }
        var messages: [String] = []
        try store.forEachMessage { messages.append("\($0.channel)|\($0.direction.rawValue)|\($0.text)|\($0.status?.rawValue ?? "")") }
        return contacts.sorted() + conversations.sorted() + messages
    }

    @Test(arguments: StoreBackend.available)
    func replayGivesTheDocumentedContactsAndIsIdempotent(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let first = try Self.ingestSamples(store)
        #expect(first["09_malformed.json"].map { if case .quarantined = $0 { true } else { false } } == true)
        let before = try Self.snapshot(store)
        let second = try Self.ingestSamples(store)
        #expect(second.values.allSatisfy { if case .ingested = $0 { false } else { true } })
        #expect(try Self.snapshot(store) == before)
        #expect(try store.contacts().count == 10)
        #expect(try store.quarantined().count == 2)
        let sheena = try #require(try store.findContact(ref: "@realsheenanelson"))
        #expect(sheena.phone == nil)
        #expect(sheena.identitySource == .bsuidFallback)
        #expect(sheena.parentBSUID == "US.ENT.11815799212886844830")
        #expect(try store.conversations(contact: sheena.id).count == 2)
    }

    @Test(arguments: StoreBackend.available)
    func identifiersSeenTogetherMergeAndTheMergedIDLeadsToTheSurvivor(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try Self.ingestSamples(store)
        let oliver = try #require(try store.findContact(ref: "447700900123"))
        #expect(try store.findContact(ref: "GB.4477009001230000")?.id == oliver.id)
        let detail = try #require(try store.contactDetail(id: oliver.id))
        #expect(detail.merges.count == 1)
        let merged = try #require(detail.merges.first?.merged)
        #expect(try store.findContact(ref: String(merged))?.id == oliver.id)
        #expect(try store.conversations(contact: oliver.id).first?.messageCount == 3)
        let pablo = try #require(try store.findContact(ref: "16505551234"))
        #expect(try store.contactDetail(id: pablo.id)?.conflicts.map(\.phone) == ["16505559999"])
    }

    @Test(arguments: StoreBackend.available)
    func messagesPageInHistoryOrder(_ backend: StoreBackend) throws {
        let store = try backend.open()
        for n in 0..<7 { _ = try store.ingest(Self.inbound("wamid.P\(n)", "m\(n)", at: 1_795_190_000 + n), channels: Self.channels) }
        let conversation = try #require(try store.conversations().first)
        #expect(conversation.messageCount == 7)
        #expect(conversation.unread == 7)
        #expect(conversation.preview == "m6")
        let newest = try store.messages(conversationID: conversation.id, before: nil, limit: 3)
        #expect(newest.map(\.text) == ["m4", "m5", "m6"])
        let older = try store.messages(conversationID: conversation.id, before: newest[0].key, limit: 3)
        #expect(older.map(\.text) == ["m1", "m2", "m3"])
        let newer = try store.messages(conversationID: conversation.id, after: older[2].key, limit: 2)
        #expect(newer.map(\.text) == ["m4", "m5"])
        #expect(try store.message(id: newer[0].id)?.direction == .inbound)
        let page = try store.conversations(from: .top, limit: 5, unreadOnly: true)
        #expect(page.map(\.id) == [conversation.id])
        #expect(try store.markRead(conversationID: conversation.id))
        #expect(try store.conversations(from: .top, limit: 5, unreadOnly: true).isEmpty)
        #expect(try store.counts().conversations == 1)
        #expect(try store.searchMessages("m3").map(\.text) == ["m3"])
    }

    @Test(arguments: StoreBackend.available)
    func aReplyGoesPendingSentDeliveredAndIsClaimedOnce(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let entry = try Self.customerAndReply(store)
        #expect(try store.queuedOutboxEntries().map(\.id) == [entry.id])
        #expect(try store.message(id: entry.messageID)?.status == .pending)
        #expect(try store.claimOutboxEntry(entry.id, at: Self.at) != nil)
        #expect(try store.claimOutboxEntry(entry.id, at: Self.at) == nil)
        try store.markOutboxSent(entry.id, providerMessageID: "wamid.OUT1", httpStatus: 200, at: Self.at)
        #expect(try store.message(id: entry.messageID)?.status == .sent)
        let delivered = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
            "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
            "statuses":[{"id":"wamid.OUT1","status":"delivered","timestamp":"1795190200","recipient_user_id":"US.13491208655302741918"}]}}]}]}
            """
        _ = try store.ingest(RawWebhook(body: Array(delivered.utf8), receivedAt: Self.at), channels: Self.channels)
        #expect(try store.message(id: entry.messageID)?.status == .delivered)
        #expect(try store.conversations().first?.messageCount == 2)
    }

    @Test(arguments: StoreBackend.available)
    func aSendWhoseSenderIsGoneIsInterruptedNotResent(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let entry = try Self.customerAndReply(store)
        let lease = SenderLease(host: "elsewhere", processID: 7, expiresAt: Date().addingTimeInterval(60))
        _ = try store.claimOutboxEntry(entry.id, at: Self.at, lease: lease)
        #expect(try store.failInterruptedSends(at: Date(), host: "here", isAlive: { _ in false }) == 0)
        #expect(try store.failInterruptedSends(at: Date().addingTimeInterval(120), host: "here", isAlive: { _ in true }) == 1)
        let message = try #require(try store.message(id: entry.messageID))
        #expect(message.status == .failed)
        #expect(message.errorCode == "interrupted")
        #expect(try store.queuedOutboxEntries().isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func operatorWorkSurvivesRebuild(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try Self.ingestSamples(store)
        _ = try store.ingest(Self.inbound("wamid.IN1", "Do you have it in red?", at: 1_795_190_000), channels: Self.channels)
        let contact = try #require(try store.findContact(ref: "US.13491208655302741918"))
        let conversation = try #require(try store.conversations(contact: contact.id).first { $0.channel == "support" })
        try store.saveDraft(conversationID: conversation.id, text: "Let me check", at: 1_795_190_050)
        let entry = try store.enqueue(OutgoingMessageRecord(
            channel: "support", provider: .meta, contact: contact.id, type: "text", text: "Red and green",
            recipient: Identifier(kind: .bsuid, value: "US.13491208655302741918"), request: "{}",
            createdAt: Date(timeIntervalSince1970: 1_795_190_100)))
        _ = try store.ingest(Self.inbound("wamid.IN2", "Green please", at: 1_795_190_200), channels: Self.channels)
        let before = try Self.snapshot(store)
        #expect(try store.rebuild(channels: Self.channels) > 0)
        #expect(try Self.snapshot(store) == before)
        let after = try #require(try store.findContact(ref: "US.13491208655302741918"))
        let rebuilt = try #require(try store.conversations(contact: after.id).first { $0.channel == "support" })
        #expect(try store.draft(conversationID: rebuilt.id) == "Let me check")
        #expect(try store.outboxEntry(entry.id)?.messageID == entry.messageID)
        #expect(try store.message(id: entry.messageID)?.conversationID == rebuilt.id)
    }

    @Test(arguments: StoreBackend.available)
    func unusableBodiesAreQuarantinedNotDropped(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let outcome = try store.ingest(RawWebhook(body: Array("{not json".utf8), provider: .meta, receivedAt: Self.at),
                                       channels: Self.channels)
        guard case .quarantined = outcome else {
            Issue.record("expected quarantine, got \(outcome)")
            return
        }
        #expect(try store.quarantined().first?.size == 9)
        #expect(try store.rawEventCount() == 0)
    }
}

/// Backends besides SQLite: PostgreSQL when `SWITCHBOARD_TEST_POSTGRES` names a server.
enum ContractBackends {
    static var extra: [StoreBackend] {
        guard let admin = PostgresTestServer.adminURL else { return [] }
        return [StoreBackend(name: "postgres") {
            try PostgresStore(url: try #require(URLComponents(string: try PostgresStore.createScratchDatabase(adminURL: admin))))
        }]
    }
}

/// The PostgreSQL server the tests may use (CI starts a throw-away cluster).
enum PostgresTestServer {
    static var adminURL: String? {
        guard let url = ProcessInfo.processInfo.environment["SWITCHBOARD_TEST_POSTGRES"], !url.isEmpty else { return nil }
        return url
    }
}

extension StoreContractTests {
    @Test(arguments: StoreBackend.available)
    func anEmptyReferenceNamesNoOne(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try Self.ingestSamples(store)
        #expect(try store.findContact(ref: "") == nil)
        #expect(try store.findContact(ref: "@") == nil)
        #expect(try store.findContact(ref: "  ") == nil)
        #expect(try store.contacts().allSatisfy { $0.username != "" && $0.name != "" })
    }
}

extension StoreContractTests {
    /// Search: every word must occur, as a word prefix, case-insensitively; newest first;
    /// operator syntax typed into the box is searched for, never interpreted.
    @Test(arguments: StoreBackend.available)
    func searchFindsEveryWordAsAPrefixNewestFirst(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let texts = ["Where is my order 1234?", "Refund for order 99 please", "ORDERED twice, refund me", "nothing here"]
        for (index, text) in texts.enumerated() {
            _ = try store.ingest(Self.inbound("wamid.S\(index)", text, at: 1_795_190_000 + index), channels: Self.channels)
        }
        #expect(try store.searchMessages("order").map(\.text) == [texts[2], texts[1], texts[0]])
        #expect(try store.searchMessages("refund ord").map(\.text) == [texts[2], texts[1]])
        #expect(try store.searchMessages("REFUND 99").map(\.text) == [texts[1]])
        #expect(try store.searchMessages("\"order 12").map(\.text) == [texts[0]])
        #expect(try store.searchMessages("order & !refund | x:*").isEmpty)
        #expect(try store.searchMessages("   ").isEmpty)
        #expect(try store.searchMessages("zebra").isEmpty)
        let hit = try #require(try store.searchMessages("nothing").first)
        #expect(hit.contactName == "Sheena Nelson")
        #expect(hit.channel == "support")
        #expect(hit.direction == .inbound)
    }
}

extension StoreContractTests {
    /// Triage (SPEC §4/§7): status, snooze, assignment, read marks and notes are operator work —
    /// an inbound message reopens, a snooze ends by itself, and `rebuild` keeps all of it.
    @Test(arguments: StoreBackend.available)
    func triageIsOperatorWorkThatSurvivesRebuild(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.ingest(Self.inbound("wamid.T1", "first", at: 1_795_190_000), channels: Self.channels)
        let conversation = try #require(try store.conversations().first)
        #expect(conversation.status == .open)
        #expect(conversation.lastDirection == .inbound)
        let t = Date(timeIntervalSince1970: 1_795_190_100)

        var changed = try store.change(conversations: [conversation.id], .status(.resolved, until: nil), operator: "ana", at: t)
        #expect(changed.first?.status == .resolved)
        changed = try store.change(conversations: [conversation.id, 999_999], .assign("ana"), operator: "ana", at: t)
        #expect(changed.count == 1)
        #expect(changed.first?.assignee == "ana")
        _ = try store.change(conversations: [conversation.id], .note("called back, waiting for the invoice"), operator: "ana", at: t)
        _ = try store.change(conversations: [conversation.id], .read, operator: "ana", at: t)
        #expect(try store.conversation(id: conversation.id)?.unread == 0)

        _ = try store.rebuild(channels: Self.channels)
        var after = try #require(try store.conversations().first)
        #expect(after.status == .resolved)
        #expect(after.assignee == "ana")
        #expect(after.unread == 0)
        let contact = try #require(try store.findContact(ref: "US.13491208655302741918"))
        let timeline = try store.timeline(contact: contact.id)
        #expect(timeline.map(\.kind).filter { $0 != "identity_changed" } == ["status", "assigned", "note", "status"])
        #expect(timeline.first?.operatorName == "ana")
        #expect(timeline.contains { $0.text == "called back, waiting for the invoice" })

        // A new inbound message reopens; a snooze ends by itself at its time.
        _ = try store.ingest(Self.inbound("wamid.T2", "hello again", at: 1_795_190_200), channels: Self.channels)
        after = try #require(try store.conversations().first)
        #expect(after.status == .open)
        #expect(after.unread == 1)
        let until = Date(timeIntervalSince1970: 1_795_200_000)
        let later = Date(timeIntervalSince1970: 1_795_190_300)
        after = try #require(try store.change(conversations: [after.id], .status(.snoozed, until: until), operator: "bo", at: later).first)
        #expect(after.status(at: until.addingTimeInterval(-1)) == .snoozed)
        #expect(after.status(at: until) == .open)
        _ = try store.rebuild(channels: Self.channels)
        #expect(try store.conversations().first?.status(at: until.addingTimeInterval(-1)) == .snoozed)
    }
}
