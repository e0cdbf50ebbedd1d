import Foundation
public import GRDB

/// The local inbox: one SQLite file in WAL mode, shared by every process (replay, serve, TUI).
public final class InboxStore: Sendable {
    /// The GRDB pool: one writer, concurrent readers.
    public let database: DatabasePool
    public let path: String
    let writeCache = IngestCacheBox()

    /// Opens (creating if needed) the store at `path` and migrates it to the current schema.
    public init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL + NORMAL survives a killed process: a commit is in the WAL before it returns.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        self.database = try DatabasePool(path: path, configuration: configuration)
        self.path = path
        try Migrations.migrator.migrate(database)
        // A reply a crashed process left in `sending` is shown failed, never left pending.
        try failInterruptedSends()
    }
}
