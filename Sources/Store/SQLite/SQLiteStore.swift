import Foundation
@_spi(Testing) public import GRDB
public import Identity
import Synchronization

/// The embedded backend: one SQLite file in WAL mode, shared by every process on the machine
/// (replay, serve, TUI). It runs the shared relational code (`Relational/`) on GRDB.
public final class SQLiteStore: RelationalStore {
    /// The GRDB pool (one writer, concurrent readers), or a queue on a read-only file. Tests
    /// read and write it directly.
    @_spi(Testing) public let database: any DatabaseWriter
    public let path: String
    public var location: String { path }
    /// Opened read-only because the file cannot be written (read commands still work).
    public let isReadOnly: Bool
    public let writeCache = IngestCacheBox()
    private let watch: StoreChangeWatch
    /// Set by `expectBulkIngest` (replay): the writer checkpoints in larger steps.
    private let bulkIngest = Atomic<Bool>(false)
    /// Ingest transactions left to keep small since another connection last committed.
    private let sharedCommitsLeft = Atomic<Int>(0)

    /// Opens (creating if needed) the store at `path`, migrates it to the current schema and
    /// marks replies a crashed process left in `sending` as interrupted. A store file this
    /// process may read but not write is opened read-only: reads work, writes fail with
    /// SQLite's "readonly database" error.
    public init(path: String) throws {
        self.path = path
        if FileManager.default.fileExists(atPath: path), !FileManager.default.isWritableFile(atPath: path)
            || !FileManager.default.isWritableFile(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            // Without a -shm file beside it (and no right to create one), SQLite can read a WAL
            // store only as an immutable file: then changes others make later are not seen.
            let walIndex = FileManager.default.fileExists(atPath: path + "-shm")
            let opened = walIndex ? path : "file:\(path)?immutable=1"
            database = try DatabaseQueue(path: opened, configuration: configuration)
            guard try database.read({ try Migrations.migrator.hasCompletedMigrations($0) }) else {
                throw StoreOpenError("\(path) is read-only and has an older schema: open it once with write access to migrate it")
            }
            isReadOnly = true
            watch = try StoreChangeWatch(path: opened)
            return
        }
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
            // Savepoint sub-journals (one per webhook) stay in memory: on a temp file they were
            // a sixth of replay's time in pwrite.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        database = try DatabasePool(path: path, configuration: configuration)
        isReadOnly = false
        try Migrations.migrator.migrate(database)
        watch = try StoreChangeWatch(path: path)
        try failInterruptedSends()
    }

    public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try database.read { db in try body(db) }
    }

    public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        guard !isReadOnly else {
            throw StoreOpenError("the store \(path) is read-only here (no write access): this command needs to write")
        }
        return try database.write { db in try body(db) }
    }

    /// SQLite has one writer at a time; the cache stays valid while `PRAGMA data_version`
    /// (which moves when another connection commits) stays put.
    public func beginIngest(_ db: any SQLSession, cache: IngestCache) throws {
        let version = try db.value(Int64.self, sql: "PRAGMA data_version") ?? 0
        if version != cache.dataVersion {
            // Someone else committed: a receiver may be waiting for the write lock, so bulk
            // commits stay small for a while. The first few are small too, so a receiver that
            // is already running is seen before the first large commit.
            let first = cache.dataVersion == -1
            sharedCommitsLeft.store(first ? Self.sharedCommitsAtStart : Self.sharedCommitsAfterOtherWriter, ordering: .relaxed)
            cache.clear()
            cache.dataVersion = version
        } else if sharedCommitsLeft.load(ordering: .relaxed) > 0 {
            sharedCommitsLeft.subtract(1, ordering: .relaxed)
        }
        // Each checkpoint copies the pages of many commits into the database and fsyncs it.
        // A replay checkpoints every 32,768 pages: at 8,192 (32 MB) the fsyncs were an eighth
        // of a 1,000,000-event replay, and 32,768 replayed it 12% faster. A receiver keeps
        // 8,192: the larger checkpoint holds one commit long enough to double its p99. So
        // does a replay while another connection writes (`bulkCommitSize` is small then).
        let pages = bulkIngest.load(ordering: .relaxed) && sharedCommitsLeft.load(ordering: .relaxed) == 0 ? 32_768 : 8_192
        if cache.checkpointPages != pages {
            // The writer touches index pages all over a large file: give it a real page cache.
            // A replay's 8,000-webhook transactions dirty ~20,000 pages of a 1,000,000-event
            // store; 40 MB instead of 32 replayed it 5–15% faster, and 48 MB left too little of
            // the 150 MB memory target.
            if cache.checkpointPages == nil {
                try db.run(sql: "PRAGMA cache_size = -\(bulkIngest.load(ordering: .relaxed) ? 40_960 : 32_768)")
            }
            try db.run(sql: "PRAGMA wal_autocheckpoint = \(pages)")
            cache.checkpointPages = pages
        }
    }

    public func expectBulkIngest() { bulkIngest.store(true, ordering: .relaxed) }

    /// Large while this process is the only writer; small for the first 5 commits and for the
    /// next 50 (~5 s) after another connection committed. A receiver that starts during a
    /// replay waits for at most one large commit (~1 s), then finds the lock free every ~0.1 s.
    public var bulkCommitSize: Int {
        sharedCommitsLeft.load(ordering: .relaxed) > 0 ? BulkCommit.shared : BulkCommit.alone
    }

    private static let sharedCommitsAfterOtherWriter = 50
    private static let sharedCommitsAtStart = 5

    public func resetSearchIndex(_ db: any SQLSession) throws {
        for statement in MessageSearch.resetStatements { try db.run(sql: statement) }
    }

    /// Rebuild re-projects every contact, and the find index's triggers would re-index each
    /// one again for every identifier it gets back (a 200,000-event rebuild took 27.6 s with
    /// them, 22.6 s without). They are dropped for it and the index is filled once at the
    /// end, in the same transaction: a crash keeps the old index and its triggers whole.
    public func reprojecting<T>(_ db: any SQLSession, _ reproject: () throws -> T) throws -> T {
        for trigger in ContactFindSchema.triggers { try db.run(sql: "DROP TRIGGER \(trigger.name)") }
        try db.run(sql: "DROP TABLE contact_find")
        let result = try reproject()
        try db.run(sql: ContactFindSchema.table)
        try db.run(sql: ContactFindSchema.fill)
        for trigger in ContactFindSchema.triggers { try db.run(sql: trigger.sql) }
        return result
    }

    public func changeVersion() throws -> Int64 { try watch.version() }

    /// From the trigram index (`contact_find`): a quoted FTS5 phrase matches a substring,
    /// case-folded. A trigram needs three characters; a shorter needle walks instead.
    public func indexedContactMatches(_ needle: String, limit: Int, db: any SQLSession) throws -> [ContactID]? {
        guard needle.unicodeScalars.count >= 3 else { return nil }
        let phrase = "\"" + needle.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let found = try db.values(ContactID.self, sql: "SELECT rowid FROM contact_find WHERE contact_find MATCH ? LIMIT ?",
                                  arguments: [phrase, limit + 1])
        return found.count > limit ? nil : found
    }

    /// Indexes one batch of new messages for search; returns how many (0 when caught up).
    @discardableResult
    public func catchUpSearchIndex(batch: Int) throws -> Int {
        let behind = try database.read { db in try MessageSearch.isBehind(db) }
        guard behind else { return 0 }
        return try database.write { db in try MessageSearch.catchUp(db, batch: batch) }
    }

    /// Searches every message, indexing what is new first.
    public func searchMessages(_ text: String, limit: Int) throws -> [SearchHit] {
        while try catchUpSearchIndex(batch: 50_000) > 0 {}
        return try database.read { db in try MessageSearch.search(db, text: text, limit: limit) }
    }
}
