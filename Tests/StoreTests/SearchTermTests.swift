import Foundation
import GRDB
import Testing
@_spi(Testing) @testable import Store

/// Search expands a typed word into the indexed words it begins (`search_term`, v12). The
/// expanded query must find exactly what FTS5's own prefix query finds.
@Suite struct SearchTermTests {
    static let texts = [
        "Where is my ORDER 1234?", "Refund for orders 99 please", "Café au lait, ordered twice", "naïve question",
        "Ordering 日本 works", "order-12 shipped", "nothing here", "zebra", "Order66 and 66b",
    ]

    @Test(arguments: [
        ("refund \"order 12", ["refund": ["refund", "refunds"], "order": ["order"], "12": ["12", "123"]],
         #"("refund" OR "refunds") AND "order" AND ("12" OR "123")"# as String?),
        ("x:* order", ["order": ["order"]], #""x:*"* AND "order""#),
        ("refund zebra", ["refund": ["refund"], "zebra": []], nil),
        ("   ", [:], nil),
        ("say \"hi\"", [:], #""say"* AND "hi"*"#),
    ] as [(String, [String: [String]], String?)])
    func queriesUseTheExpansionWhereThereIsOne(text: String, expansions: [String: [String]], query: String?) {
        let built = MessageSearch.ftsQuery(text) { word in expansions[String(word)] }
        #expect(built == query)
    }

    @Test(arguments: [
        ("Order66", "order66" as String?), ("abc", "abc"), ("42", "42"), ("café", nil), ("x:", nil), ("", nil), ("日本", nil),
    ] as [(String, String?)])
    func onlyPlainASCIIWordsAreExpanded(word: String, prefix: String?) {
        #expect(SearchTerms.foldedPrefix(Substring(word)) == prefix)
    }

    /// Every word of `probes` gives the same messages through the expansion as through
    /// FTS5's prefix query, before and after `rebuild` (which empties and refills both).
    @Test func expandedQueriesFindWhatPrefixQueriesFind() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        for (index, text) in Self.texts.enumerated() {
            _ = try store.ingest(StoreContractTests.inbound("wamid.T\(index)", text, at: 1_795_190_000 + index),
                                 channels: StoreFixture.channels)
        }
        let probes = ["order", "ORD", "o", "cafe", "café", "naive", "66", "order66", "order 12", "12", "日本",
                      "refund orders", "zebra", "zzz", "w", "ordering works"]
        func matches(_ query: String, _ db: Database) throws -> [Int64] {
            try Int64.fetchAll(db, sql: "SELECT rowid FROM message_fts WHERE message_fts MATCH ? ORDER BY rowid DESC",
                               arguments: [query])
        }
        func compare() throws {
            _ = try store.searchMessages("warm up")
            let results: [(String, String?, [Int64], [Int64])] = try store.database.read { db in
                try probes.map { probe in
                    let expanded = try MessageSearch.ftsQuery(probe) { word in try SearchTerms.expansion(of: word, db: db) }
                    let viaPrefix = try MessageSearch.ftsQuery(probe).map { try matches($0, db) } ?? []
                    let viaTerms = try expanded.map { try matches($0, db) } ?? []
                    return (probe, expanded, viaTerms, viaPrefix)
                }
            }
            for (probe, expanded, viaTerms, viaPrefix) in results {
                #expect(viaTerms == viaPrefix, "\(probe): \(expanded ?? "nothing")")
            }
            let ord = try store.database.read { db in
                try String.fetchAll(db, sql: "SELECT term FROM search_term WHERE term LIKE 'ord%' ORDER BY term")
            }
            #expect(ord == ["order", "order66", "ordered", "ordering", "orders"])
        }
        try compare()
        #expect(try store.searchMessages("order").count == 6)
        #expect(try store.searchMessages("cafe").map(\.text) == [Self.texts[2]])
        _ = try store.rebuild(channels: StoreFixture.channels)
        try compare()
    }

    /// A store indexed before v12 gets its words from the index in the migration.
    @Test func theMigrationReadsTheWordsAlreadyIndexed() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.ingest(StoreContractTests.inbound("wamid.M1", "Lost parcel", at: 1_795_190_000),
                                     channels: StoreFixture.channels)
        _ = try fixture.store.searchMessages("lost")
        try fixture.store.database.write { db in
            try db.execute(sql: "DROP TABLE search_term; DELETE FROM grdb_migrations WHERE identifier = 'v12-search-terms'")
        }
        let reopened = try SQLiteStore(path: fixture.path)
        let terms = try reopened.database.read { db in try String.fetchAll(db, sql: "SELECT term FROM search_term ORDER BY term") }
        #expect(terms == ["lost", "parcel"])
        #expect(try reopened.searchMessages("parc").map(\.text) == ["Lost parcel"])
    }
}
