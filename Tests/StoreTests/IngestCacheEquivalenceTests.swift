import Foundation
import GRDB
import Testing
@_spi(Testing) @testable import Store

/// The writer's cache (holders, current phones, profiles, conversations) only saves lookups:
/// a store written with it warm must equal one written with a cold cache for every webhook,
/// through new BSUIDs, an old one coming back, a phone seen with someone else, a merge.
@Suite struct IngestCacheEquivalenceTests {
    static let sightings: [(name: String, bsuid: String?, phone: String?)] = [
        ("Ana", "US.13491208655302740001", "15550001111"),
        ("Ana", "US.13491208655302740001", "15550001111"),
        ("Ana", "US.13491208655302740002", "15550001111"),   // a new BSUID for the same person
        ("Ana", "US.13491208655302740001", "15550001111"),   // the old one back
        ("Bob", "US.13491208655302740003", nil),
        ("Bob", "US.13491208655302740003", "15550002222"),
        ("Ana", "US.13491208655302740002", "15550001111"),
        ("Bob", "US.13491208655302740003", "15550002222"),
        ("Cy", "US.13491208655302740004", "15550001111"),    // Ana's phone seen with someone else
        ("Ana", "US.13491208655302740001", "15550001111"),
        ("Bob", nil, "15550002222"),
        ("Bob", "US.13491208655302740003", "15550002222"),
        ("Dee", "US.13491208655302740005", "15550003333"),
        ("Dee", "US.13491208655302740005", nil),
        ("Bob", "US.13491208655302740003", "15550003333"),   // Dee's phone with Bob's BSUID
        ("Bob", "US.13491208655302740003", "15550002222"),
        ("Dee", "US.13491208655302740005", "15550003333"),
        ("Ana", nil, "15550002222"),
        ("Eve", nil, "15550004444"),
        ("Eve", "US.13491208655302740006", nil),
        ("Eve", "US.13491208655302740006", "15550004444"),   // a phone-only and a BSUID-only contact: one person
        ("Eve", nil, "15550004444"),
    ]

    static func webhooks() -> [PreparedWebhook] {
        sightings.enumerated().map { index, sighting in
            PreparedWebhook(ContactFindIndexTests.inbound("wamid.C\(index)", name: sighting.name, bsuid: sighting.bsuid,
                                                          phone: sighting.phone, at: 1_795_190_000 + index * 60))
        }
    }

    /// The identity tables and the conversation summaries, as text.
    static func written(_ store: SQLiteStore) throws -> [String] {
        try store.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT contact_id, kind, value, scope, current, superseded_at, first_seen, last_seen, verified
                FROM identifier ORDER BY kind, value, scope
                """).map { $0.description }
            + Row.fetchAll(db, sql: "SELECT id, name, username FROM contact ORDER BY id").map { $0.description }
            + Row.fetchAll(db, sql: """
                SELECT id, channel, contact_id, message_count, unread, last_message_at, last_inbound_at
                FROM conversation ORDER BY id
                """).map { $0.description }
        }
    }

    @Test func aWarmCacheWritesWhatAColdOneWrites() throws {
        let warm = try StoreFixture()
        _ = try warm.store.ingest(Self.webhooks(), channels: StoreFixture.channels)
        let cold = try StoreFixture()
        for webhook in Self.webhooks() {
            cold.store.writeCache.withCache { $0.clear() }
            _ = try cold.store.ingest([webhook], channels: StoreFixture.channels)
        }
        let written = try Self.written(warm.store)
        #expect(written == (try Self.written(cold.store)))
        #expect(written.count >= 6)
        // The sequence did supersede BSUIDs (the path the cache must follow).
        let superseded = try warm.store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM identifier WHERE kind = 'bsuid' AND current = 0") ?? 0
        }
        #expect(superseded >= 1)
        let merges = try warm.store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM merge_log") ?? 0 }
        #expect(merges >= 1)
    }
}
