import Foundation
import GRDB

/// v10: the raw log's dedupe key becomes the first 16 bytes of the body's SHA-256, as a blob,
/// instead of its 64 hex characters (`PreparedWebhook.logKey`). Existing keys are converted
/// in place, so a body logged before still dedupes after the upgrade.
enum RawLogKeySchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-raw-log-key") { db in
            // SQLite 3.40 has no unhex(): the conversion is a function of this connection.
            let unhex = DatabaseFunction("switchboard_log_key", argumentCount: 1, pure: true) { values in
                guard let hex = String.fromDatabaseValue(values[0]) else { return values[0] }
                return Self.logKey(hex: hex) ?? values[0]
            }
            db.add(function: unhex)
            // In slices of ids: one UPDATE over the whole log kept a statement journal of every
            // page it rewrote in memory (temp_store = MEMORY), 890 MB for 1,100,000 events.
            let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM raw_event") ?? 0
            for start in stride(from: Int64(0), through: last, by: 20_000) {
                try db.execute(sql: "UPDATE raw_event SET dedupe_key = switchboard_log_key(dedupe_key) WHERE id >= ? AND id < ?",
                               arguments: [start, start + 20_000])
            }
            db.remove(function: unhex)
        }
    }

    /// The first 16 bytes a 64-character hex key spells, or nil for anything else.
    static func logKey(hex: String) -> Data? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x61...0x66: c - 0x61 + 10
            case 0x41...0x46: c - 0x41 + 10
            default: nil
            }
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(16)
        for i in stride(from: 0, to: 32, by: 2) {
            guard let high = nibble(digits[i]), let low = nibble(digits[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return Data(bytes)
    }
}
