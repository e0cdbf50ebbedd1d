import Foundation
import GRDB
import Identity
import Testing
import Webhooks
@_spi(Testing) @testable import Store

/// Operator work (drafts, replies with their outbox rows and statuses) survives `rebuild`.
@Suite struct OperatorWorkRebuildTests {
    static let bsuid = "US.13491208655302741918"

    static func inbound(id: String, text: String, at time: Int) -> String {
        """
        {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
        "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
        "contacts":[{"profile":{"name":"Sheena Nelson"},"user_id":"\(bsuid)"}],
        "messages":[{"from_user_id":"\(bsuid)","id":"\(id)","timestamp":"\(time)","type":"text","text":{"body":"\(text)"}}]}}]}]}
        """
    }

    /// A customer wrote, we saved a draft, replied, and the customer answered.
    static func conversationWithOperatorWork() throws -> (StoreFixture, OutboxEntry) {
        let fixture = try StoreFixture()
        _ = try fixture.ingest(inbound(id: "wamid.IN1", text: "Do you have it in red?", at: 1_795_190_000))
        let contact = try #require(try fixture.store.findContact(ref: bsuid)).id
        let conversation = try #require(try fixture.store.conversations().first { $0.channel == "support" })
        try fixture.store.database.write { db in
            try Drafts.save(db, conversationID: conversation.id, text: "Let me check", at: 1_795_190_100)
        }
        let entry = try fixture.store.enqueue(OutgoingMessageRecord(
            channel: "support", provider: .meta, contact: contact, type: "text", text: "Red and green",
            recipient: Identifier(kind: .bsuid, value: bsuid), request: "{}",
            createdAt: Date(timeIntervalSince1970: 1_795_190_200)))
        _ = try fixture.store.claimOutboxEntry(entry.id, at: Date(timeIntervalSince1970: 1_795_190_200))
        try fixture.store.markOutboxSent(entry.id, providerMessageID: "wamid.OUT1", httpStatus: 200,
                                         at: Date(timeIntervalSince1970: 1_795_190_201))
        _ = try fixture.ingest(inbound(id: "wamid.IN2", text: "Green please", at: 1_795_190_300))
        return (fixture, entry)
    }

    @Test func draftsAndRepliesSurviveRebuild() throws {
        let (fixture, entry) = try Self.conversationWithOperatorWork()
        let before = try fixture.projection()
        #expect(try fixture.store.rebuild(channels: StoreFixture.channels) == 2)
        let conversation = try #require(try fixture.store.conversations().first { $0.channel == "support" })
        #expect(conversation.messageCount == 3)
        #expect(conversation.preview == "Green please")
        let draft = try fixture.store.database.read { try Drafts.load($0, conversationID: conversation.id) }
        #expect(draft == "Let me check")
        var texts: [String] = []
        try fixture.store.forEachMessage { texts.append("\($0.direction.rawValue):\($0.text):\($0.status?.rawValue ?? "")") }
        #expect(texts.contains("out:Red and green:sent"))
        #expect(try fixture.store.outboxEntry(entry.id)?.messageID == entry.messageID)
        let violations = try fixture.store.database.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        #expect(violations.isEmpty)
        // A second rebuild gives the same projection again.
        _ = try fixture.store.rebuild(channels: StoreFixture.channels)
        let again = try fixture.projection()
        #expect(again.split(separator: "\n").count == before.split(separator: "\n").count)
    }

    @Test func searchFindsEveryMessageAfterRebuild() throws {
        let (fixture, _) = try Self.conversationWithOperatorWork()
        try fixture.store.database.write { db in _ = try MessageSearch.catchUp(db) }
        _ = try fixture.store.rebuild(channels: StoreFixture.channels)
        let hits = try fixture.store.database.write { db -> Int in
            while try MessageSearch.catchUp(db) > 0 {}
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'green'") ?? 0
        }
        #expect(hits == 2)
    }

    @Test func aFailedRebuildLeavesTheOldProjectionWhole() throws {
        let (fixture, _) = try Self.conversationWithOperatorWork()
        let before = try fixture.projection()
        // A config without the channel cannot route the log: the rebuild still succeeds, but a
        // rebuild that throws midway (here: a trigger aborting the second message insert) must roll back.
        try fixture.store.database.write { db in
            try db.execute(sql: """
                CREATE TRIGGER abort_rebuild BEFORE INSERT ON message WHEN NEW.provider_message_id = 'wamid.IN2'
                BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;
                """)
        }
        #expect(throws: (any Error).self) { try fixture.store.rebuild(channels: StoreFixture.channels) }
        #expect(try fixture.projection() == before)
    }
}
