import Foundation
@_spi(Testing) public import GRDB

/// The embedded backend: one SQLite file in WAL mode, shared by every process on the machine
/// (replay, serve, TUI).
public final class SQLiteStore: InboxStore {
    /// The GRDB pool: one writer, concurrent readers. Tests read and write it directly.
    @_spi(Testing) public let database: DatabasePool
    public let path: String
    public var location: String { path }
    let writeCache = IngestCacheBox()
    private let watch: StoreChangeWatch

    /// Opens (creating if needed) the store at `path`, migrates it to the current schema and
    /// marks replies a crashed process left in `sending` as interrupted.
    public init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        // Wait up to 10 s for another process's write lock, polling every millisecond: SQLite's
        // own timeout backs off to 100 ms sleeps and keeps missing the short gaps a replay
        // leaves between its commits, which starved the receiver (p99 1.5 s during a replay).
        configuration.busyMode = .callback { tries in
            usleep(1000)
            return tries < 10_000
        }
        configuration.prepareDatabase { db in
            // WAL + NORMAL survives a killed process: a commit is in the WAL before it returns.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        self.database = try DatabasePool(path: path, configuration: configuration)
        self.path = path
        try Migrations.migrator.migrate(database)
        self.watch = try StoreChangeWatch(path: path)
        try failInterruptedSends()
    }

    public func changeVersion() throws -> Int64 { try watch.version() }
}
