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

    @Test func aWebhookThatBreaksAStatementIsQuarantinedAloneAndTheOthersLandOnce() throws {
        let fixture = try StoreFixture()
        try fixture.store.database.write { db in
            try db.execute(sql: """
                CREATE TRIGGER break_one BEFORE INSERT ON message WHEN NEW.provider_message_id = 'wamid.bad'
                BEGIN SELECT RAISE(ABORT, 'this webhook breaks the store'); END
                """)
        }
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
}
