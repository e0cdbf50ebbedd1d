import Foundation
import GRDB
import Identity
import Testing
@_spi(Testing) @testable import Store

/// A batch runs without savepoints; when one webhook breaks a statement, the batch runs again
/// with a savepoint per webhook: that one is quarantined, the others land, once each.
struct BatchIsolationTests {
    static func message(_ id: String, from customer: Int) -> PreparedWebhook {
        let body = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
            "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
            "contacts":[{"user_id":"US.10000\(customer)","profile":{"name":"Customer \(customer)"}}],
            "messages":[{"id":"\(id)","timestamp":"1767225600","type":"text","from_user_id":"US.10000\(customer)",
            "text":{"body":"hello \(id)"}}]}}]}]}
            """
        return PreparedWebhook(RawWebhook(body: Array(body.utf8), receivedAt: StoreFixture.receivedAt))
    }

    /// Makes inserting message `id` fail, as data a statement cannot take would.
    static func breakMessage(_ id: String, in fixture: StoreFixture) throws {
        try fixture.store.database.write { db in
            try db.execute(sql: """
                CREATE TRIGGER break_one BEFORE INSERT ON message WHEN NEW.provider_message_id = '\(id)'
                BEGIN SELECT RAISE(ABORT, 'this webhook breaks the store'); END
                """)
        }
    }

    @Test func aWebhookThatBreaksAStatementIsQuarantinedAloneAndTheOthersLandOnce() throws {
        let fixture = try StoreFixture()
        try Self.breakMessage("wamid.bad", in: fixture)
        let batch = [Self.message("wamid.a", from: 1), Self.message("wamid.bad", from: 2),
                     Self.message("wamid.c", from: 1), Self.message("wamid.a", from: 1)]
        let outcomes = try fixture.store.ingest(batch, channels: StoreFixture.channels)

        #expect(outcomes.count == 4)
        #expect(outcomes[0] == .ingested(applied: 1, skipped: 0))
        guard case .quarantined(let reason) = outcomes[1] else {
            Issue.record("expected a quarantine, got \(outcomes[1])")
            return
        }
        #expect(reason.contains("this webhook breaks the store"))
        #expect(outcomes[2] == .ingested(applied: 1, skipped: 0))
        #expect(outcomes[3] == .duplicate)
        let counts = try fixture.store.database.read { db in
            try [Int.fetchOne(db, sql: "SELECT count(*) FROM raw_event"), Int.fetchOne(db, sql: "SELECT count(*) FROM message"),
                 Int.fetchOne(db, sql: "SELECT count(*) FROM contact")]
        }
        #expect(counts == [2, 2, 1])
        #expect(try fixture.store.quarantined().count == 1)
        let conversation = try #require(try fixture.store.conversations().first)
        #expect(conversation.messageCount == 2)
        #expect(conversation.unread == 2)
    }

    @Test func aCleanBatchLandsWhole() throws {
        let fixture = try StoreFixture()
        let batch = (0..<50).map { Self.message("wamid.n\($0)", from: $0 % 7) }
        let outcomes = try fixture.store.ingest(batch, channels: StoreFixture.channels)
        #expect(outcomes.allSatisfy { $0 == .ingested(applied: 1, skipped: 0) })
        #expect(try fixture.store.contacts().count == 7)
        #expect(try fixture.store.conversations().map(\.messageCount).reduce(0, +) == 50)
    }

    /// Replay's pulled transaction: chunks taken until the limit, one commit; a webhook that
    /// breaks a statement in a later chunk rolls all back, and the run again (from the kept
    /// bytes, a savepoint each) quarantines it alone and lands the earlier chunks' webhooks once.
    @Test func aPulledTransactionTakesChunksUpToItsLimitAndRunsAgainFromTheKeptBytes() throws {
        let fixture = try StoreFixture()
        try Self.breakMessage("wamid.bad", in: fixture)
        var webhooks = (0..<9).map { Self.message("wamid.p\($0)", from: $0 % 3) }
        webhooks.insert(Self.message("wamid.bad", from: 4), at: 7)
        webhooks.append(Self.message("wamid.p0", from: 0))
        let source = PulledSource(webhooks, chunk: 3)
        let first = try fixture.store.ingest(pulling: source.next, upTo: 8, channels: StoreFixture.channels)
        #expect(source.asked == [8, 5, 2])
        #expect(first.count == 8)
        #expect(first.filter { $0 == .ingested(applied: 1, skipped: 0) }.count == 7)
        guard case .quarantined(let reason) = first[7] else {
            Issue.record("expected a quarantine, got \(first[7])")
            return
        }
        #expect(reason.contains("this webhook breaks the store"))
        let rest = try fixture.store.ingest(pulling: source.next, upTo: 8, channels: StoreFixture.channels)
        #expect(rest == [.ingested(applied: 1, skipped: 0), .ingested(applied: 1, skipped: 0), .duplicate])
        #expect(try fixture.store.ingest(pulling: source.next, upTo: 8, channels: StoreFixture.channels).isEmpty)
        let counts = try fixture.store.database.read { db in
            try [Int.fetchOne(db, sql: "SELECT count(*) FROM raw_event"), Int.fetchOne(db, sql: "SELECT count(*) FROM message")]
        }
        #expect(counts == [9, 9])
        #expect(try fixture.store.conversations().map(\.messageCount).reduce(0, +) == 9)
    }
}
