import Foundation
import GRDB
import Identity
import JSON
@testable import Sandbox
@_spi(Testing) import Store
import Testing
import Webhooks
@testable import Outbound

/// A temp store with one BSUID-only customer who wrote to `support` (Meta) an hour ago.
struct OutboxFixture {
    static let inboundAt = OutboundFixtures.now.addingTimeInterval(-3600)
    let store: SQLiteStore

    init() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-outbox-\(UUID().uuidString).sqlite").path
        store = try SQLiteStore(path: path)
        let inbound = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
             "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
             "contacts":[{"profile":{"name":"Sheena"},"user_id":"US.13491208655302741918"}],
             "messages":[{"from_user_id":"US.13491208655302741918","id":"wamid.IN1","timestamp":"\(Int(Self.inboundAt.timeIntervalSince1970))",
             "type":"text","text":{"body":"hello"}}]}}]}]}
            """
        _ = try store.ingest(RawWebhook(body: Array(inbound.utf8), provider: .meta, receivedAt: Self.inboundAt),
                             channels: ChannelDirectory(OutboundFixtures.channels))
    }

    func contact() throws -> ContactID {
        try #require(try store.findContact(ref: OutboundFixtures.bsuid)?.id)
    }

    func message(_ rowID: Int64?) throws -> Row? {
        try store.database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM message WHERE id = ?", arguments: [rowID]) }
    }

    func ingest(_ webhook: StatusWebhook, channels: [Identity.Channel]) throws {
        _ = try store.ingest(RawWebhook(body: Array(webhook.body.serialized().utf8), provider: webhook.provider,
                                        receivedAt: OutboundFixtures.now), channels: ChannelDirectory(channels))
    }
}

@Suite struct OutboxTests {
    typealias F = OutboundFixtures

    @Test func replyContextComesFromTheStore() throws {
        let fixture = try OutboxFixture()
        let context = try #require(try fixture.store.replyContext(contact: try fixture.contact()))
        #expect(context.identifiers.contains(ScopedIdentifier(kind: .bsuid, value: F.bsuid, scope: "acme")))
        #expect(context.lastInboundAt["support"] == OutboxFixture.inboundAt)
    }

    @Test func replyMovesPendingSentDeliveredRead() async throws {
        let fixture = try OutboxFixture()
        let inbox = WebhookInbox()
        let sandbox = try await SandboxServer.start(SandboxConfiguration(channels: F.channels, sink: inbox.sink))
        defer { Task { await sandbox.stop() } }
        let channel = sandboxChannel(.meta, base: sandbox.baseURL)
        let context = try #require(try fixture.store.replyContext(contact: try fixture.contact()))
        guard case .ready(let reply) = try ReplyPreparer.prepare(
            context: context, channel: channel, message: .text("Blue, yes"), now: F.now) else {
            Issue.record("refused")
            return
        }
        #expect(reply.plan.identifier == Identifier(kind: .bsuid, value: F.bsuid))
        let outbox = ReplyOutbox(store: fixture.store, sender: ProviderSender(sleep: { _ in }), clock: { F.now })
        let delivery = try await outbox.send(reply, contact: try fixture.contact(), token: nil)
        let messageID = try #require(delivery.result?.messageID)

        let sent = try #require(try fixture.message(delivery.messageRowID))
        #expect(sent["direction"] as String? == "out")
        #expect(sent["provider_message_id"] as String? == messageID)
        #expect(sent["bsuid"] as String? == F.bsuid)
        #expect(sent["phone"] as String? == nil)
        #expect(["sent", "delivered", "read"].contains(sent["status"] as String? ?? ""))

        for webhook in await inbox.next(3) { try fixture.ingest(webhook, channels: [channel]) }
        #expect(try fixture.message(delivery.messageRowID)?["status"] as String? == "read")
        #expect(await sandbox.ledger.sends.count == 1)
        let conversation = try #require(try fixture.store.conversations().first { $0.channel == "support" })
        #expect(conversation.messageCount == 2)
        #expect(conversation.preview == "Blue, yes")
    }

    @Test func statusesArrivingBeforeTheIDAreAppliedWhenMarkedSent() throws {
        let fixture = try OutboxFixture()
        let entry = try fixture.store.enqueue(OutgoingMessageRecord(
            channel: "support", provider: .meta, contact: try fixture.contact(), type: "text", text: "hi",
            recipient: Identifier(kind: .bsuid, value: F.bsuid), request: "{}", createdAt: F.now))
        _ = try #require(try fixture.store.claimOutboxEntry(entry.id, at: F.now))
        let early = MetaSandbox.statusWebhook(.delivered, messageID: "wamid.EARLY",
                                              recipient: Identifier(kind: .bsuid, value: F.bsuid),
                                              business: SandboxBusinessFixture.support, at: F.now)
        _ = try fixture.store.ingest(RawWebhook(body: Array(early.body.serialized().utf8), provider: .meta,
                                                receivedAt: F.now), channels: ChannelDirectory(F.channels))
        #expect(try fixture.message(entry.messageID)?["status"] as String? == "pending")
        try fixture.store.markOutboxSent(entry.id, providerMessageID: "wamid.EARLY", httpStatus: 200, at: F.now)
        #expect(try fixture.message(entry.messageID)?["status"] as String? == "delivered")
    }

    @Test func failedSendKeepsTheProvidersError() async throws {
        let fixture = try OutboxFixture()
        let sandbox = try await SandboxServer.start(SandboxConfiguration(channels: F.channels))
        defer { Task { await sandbox.stop() } }
        var channel = sandboxChannel(.meta, base: sandbox.baseURL)
        channel.sendURL = "\(sandbox.baseURL)/meta/106540352242922/messages"
        // A hand-made request with the BSUID in `to`: the sandbox refuses it loudly.
        let plan = ReplyPlan(channel: channel, identifier: Identifier(kind: .bsuid, value: F.bsuid), kind: .text, reason: "test")
        let request = ProviderRequest(url: channel.sendURL ?? "", headers: [], body: [
            "messaging_product": "whatsapp", "recipient_type": "individual", "to": .string(F.bsuid),
            "type": "text", "text": ["body": "x"],
        ])
        let outbox = ReplyOutbox(store: fixture.store, sender: ProviderSender(sleep: { _ in }), clock: { F.now })
        let delivery = try await outbox.send(PreparedReply(plan: plan, message: .text("x"), request: request),
                                             contact: try fixture.contact(), token: nil)
        #expect(delivery.result == .failed(delivery.result.failure ?? ProviderError(code: ""), httpStatus: 400))
        let row = try #require(try fixture.message(delivery.messageRowID))
        #expect(row["status"] as String? == "failed")
        #expect(row["error_code"] as String? == "131009")
        #expect((row["error_title"] as String?)?.contains("silently drop") == true)
    }

    @Test func anEntryIsSentOnlyOnce() async throws {
        let fixture = try OutboxFixture()
        let sandbox = try await SandboxServer.start(SandboxConfiguration(channels: F.channels))
        defer { Task { await sandbox.stop() } }
        let channel = sandboxChannel(.meta, base: sandbox.baseURL)
        let context = try #require(try fixture.store.replyContext(contact: try fixture.contact()))
        guard case .ready(let reply) = try ReplyPreparer.prepare(context: context, channel: channel,
                                                                 message: .text("once"), now: F.now) else {
            Issue.record("refused")
            return
        }
        let entry = try fixture.store.enqueue(OutgoingMessageRecord(
            channel: "support", provider: .meta, contact: try fixture.contact(), type: "text", text: "once",
            recipient: reply.plan.identifier, request: reply.request.storedForm, createdAt: F.now))
        let outbox = ReplyOutbox(store: fixture.store, sender: ProviderSender(sleep: { _ in }), clock: { F.now })
        async let first = outbox.deliver(entry.id, token: nil)
        async let second = outbox.deliver(entry.id, token: nil)
        let results = try await [first, second]
        #expect(results.filter { $0.result != nil }.count == 1)
        #expect(await sandbox.ledger.sends.count == 1)
    }

    @Test func interruptedSendsAreFailedNotResent() throws {
        let fixture = try OutboxFixture()
        let entry = try fixture.store.enqueue(OutgoingMessageRecord(
            channel: "support", provider: .meta, contact: try fixture.contact(), type: "text", text: "hi",
            recipient: Identifier(kind: .bsuid, value: F.bsuid), request: "{}", createdAt: F.now))
        // A sender on this host whose process is gone (pid 1 is never ours to claim: use a dead one).
        let lease = SenderLease(host: "here", processID: 999_999, expiresAt: Date().addingTimeInterval(600))
        _ = try fixture.store.claimOutboxEntry(entry.id, at: F.now, lease: lease)
        #expect(try fixture.store.failInterruptedSends(host: "here", isAlive: { _ in true }) == 0)
        #expect(try fixture.store.failInterruptedSends(host: "elsewhere", isAlive: { _ in false }) == 0)
        #expect(try fixture.store.failInterruptedSends(host: "here", isAlive: { _ in false }) == 1)
        #expect(try fixture.message(entry.messageID)?["error_code"] as String? == "interrupted")
        #expect(try fixture.store.claimOutboxEntry(entry.id, at: F.now) == nil)
    }

    @Test(arguments: [
        // (lease host, holder alive, lease expired) → marked interrupted?
        ("here", true, false, false), ("here", false, false, true), ("here", true, true, true),
        ("other", false, false, false), ("other", true, true, true),
    ])
    func leaseDecidesWhetherASendWasInterrupted(host: String, alive: Bool, expired: Bool, interrupted: Bool) throws {
        let fixture = try OutboxFixture()
        let entry = try fixture.store.enqueue(OutgoingMessageRecord(
            channel: "support", provider: .meta, contact: try fixture.contact(), type: "text", text: "hi",
            recipient: Identifier(kind: .bsuid, value: F.bsuid), request: "{}", createdAt: F.now))
        let now = Date()
        let lease = SenderLease(host: host, processID: 4242, expiresAt: now.addingTimeInterval(expired ? -1 : 60))
        _ = try fixture.store.claimOutboxEntry(entry.id, at: F.now, lease: lease)
        #expect(try fixture.store.failInterruptedSends(at: now, host: "here", isAlive: { _ in alive }) == (interrupted ? 1 : 0))
    }

    @Test func reopeningTheStoreFailsASendWhoseProcessIsGone() throws {
        let fixture = try OutboxFixture()
        let entry = try fixture.store.enqueue(OutgoingMessageRecord(
            channel: "support", provider: .meta, contact: try fixture.contact(), type: "text", text: "hi",
            recipient: Identifier(kind: .bsuid, value: F.bsuid), request: "{}", createdAt: F.now))
        let dead = SenderLease(host: SenderLease.hostName(), processID: Int32.max - 1, expiresAt: Date().addingTimeInterval(600))
        _ = try fixture.store.claimOutboxEntry(entry.id, at: F.now, lease: dead)
        let reopened = try SQLiteStore(path: fixture.store.path)
        let row = try reopened.database.read { db in
            try Row.fetchOne(db, sql: "SELECT status, error_code FROM message WHERE id = ?", arguments: [entry.messageID])
        }
        #expect(row?["status"] as String? == "failed")
        #expect(row?["error_code"] as String? == "interrupted")
    }
}

enum SandboxBusinessFixture {
    static let support = SandboxBusiness(provider: .meta, number: "15550783881", id: "106540352242922")
}

extension Optional where Wrapped == SendResult {
    var failure: ProviderError? {
        if case .failed(let error, _)? = self { return error }
        return nil
    }
}

@Suite("Sender liveness")
struct SenderLivenessTests {
    @Test func aZombieSenderIsGone() throws {
        var pid: pid_t = 0
        let path = "/bin/true"
        let spawned = path.withCString { cPath -> Int32 in
            var argv: [UnsafeMutablePointer<CChar>?] = [strdup(cPath), nil]
            defer { free(argv[0]) }
            return posix_spawn(&pid, cPath, nil, nil, &argv, environ)
        }
        #expect(spawned == 0)
        // Not reaped yet: a zombie until waitpid.
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!SenderLease.processExists(pid))
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        #expect(SenderLease.processExists(getpid()))
    }
}
