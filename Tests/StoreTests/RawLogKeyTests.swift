import Crypto
import Foundation
import GRDB
import Identity
import Testing
@_spi(Testing) @testable import Store

/// The raw log's dedupe key is 16 bytes of the body's SHA-256; keys written as 64 hex
/// characters before v10 are converted, so an old body still dedupes after the upgrade.
struct RawLogKeyTests {
    @Test(arguments: [
        ("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", "00112233445566778899aabbccddeeff"),
        ("FFEEDDCCBBAA99887766554433221100ffeeddccbbaa99887766554433221100", "ffeeddccbbaa99887766554433221100"),
    ])
    func aHexKeyBecomesItsFirstSixteenBytes(hex: String, expected: String) throws {
        let key = try #require(RawLogKeySchema.logKey(hex: hex))
        #expect(key.map { String(format: "%02x", $0) }.joined() == expected)
    }

    @Test(arguments: ["", "abc", String(repeating: "g", count: 64), String(repeating: "0", count: 63)])
    func anythingElseIsLeftAsItIs(hex: String) {
        #expect(RawLogKeySchema.logKey(hex: hex) == nil)
    }

    @Test func aBodyLoggedBeforeTheKeyChangeStillDedupes() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-test-\(UUID().uuidString).sqlite").path
        let message = BatchIsolationTests.message("wamid.old", from: 1)
        let body = message.raw.body
        do {
            let old = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(old, upTo: "v9-marketing")
            try old.write { db in
                try db.execute(sql: """
                    INSERT INTO raw_event (provider, channel, received_at, dedupe_key, body) VALUES ('meta', 'support', 0, ?, ?)
                    """, arguments: [Array(SHA256.hash(data: body)).map { String(format: "%02x", $0) }.joined(), Data(body)])
            }
        }
        let store = try SQLiteStore(path: path)
        #expect(try store.containsRawEvent(body: body))
        #expect(try store.ingest([message], channels: StoreFixture.channels) == [.duplicate])
        let keyLength = try store.database.read { db in try Int.fetchOne(db, sql: "SELECT length(dedupe_key) FROM raw_event") }
        #expect(keyLength == 16)
    }
}
