public import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The team store (SPEC §10): the shared relational code on PostgreSQL, through
/// postgres-nio's client and its connection pool. Several receivers and every operator's
/// inbox share one database; each write transaction bumps `store_state.version` and NOTIFYs
/// `switchboard_changes`, which a listening connection turns into `changeVersion()` — the
/// inbox refreshes without polling tables.
///
/// Ingest transactions take one advisory lock (`ingestLock`) for their whole length, so
/// identity resolution across processes is serialized exactly as SQLite's single writer
/// serializes it, and the writer's cache stays valid while nobody else wrote.
public final class PostgresStore: RelationalStore, @unchecked Sendable {
    public let location: String
    public let writeCache = IngestCacheBox()
    private let client: PostgresClient
    private let runTask: Task<Void, Never>
    private let listener: PostgresChangeListener
    private let logger = Logger(label: "switchboard.postgres")
    /// How long a call waits for a pooled connection before it fails.
    private let leaseTimeout: Double = 15

    /// The advisory lock key of ingest transactions ('SWBD' as a number).
    static let ingestLock: Int64 = 0x5357_4244
    static let migrationLock: Int64 = 0x5357_4244_4D49
    static let channel = "switchboard_changes"

    /// Connects (a failure is one line: refused, unknown host, authentication, missing
    /// database — never a password), applies missing migrations, starts the change listener
    /// and marks replies a crashed sender left in `sending` as interrupted.
    public init(url: URLComponents) throws {
        let configuration = try PostgresConfiguration(url: url)
        var shown = url
        if shown.password != nil { shown.password = "***" }
        location = shown.string ?? "postgres://"
        try Self.probe(configuration, location: location)
        client = PostgresClient(configuration: configuration.client, backgroundLogger: Logger(label: "switchboard.postgres.pool"))
        let client = client
        runTask = Task(executorPreference: PostgresExecutor.shared) { await client.run() }
        listener = PostgresChangeListener(client: client, channel: Self.channel)
        do {
            try migrate()
            try failInterruptedSends()
        } catch {
            runTask.cancel()
            throw StoreOpenError("cannot open store \(location): \(error)")
        }
    }

    deinit {
        listener.stop()
        runTask.cancel()
    }

    public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        // One snapshot for the whole read (a contact and its identifiers agree).
        try withSession { session in
            try session.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { try body(session) }
        }
    }

    public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try withSession { session in
            try session.transaction(begin: "BEGIN") {
                let result = try body(session)
                // Delivered to every listener when (and only if) the transaction commits.
                try session.run(sql: "UPDATE store_state SET version = version + 1 WHERE id = 1")
                try session.run(sql: "SELECT pg_notify(?, '')", arguments: [Self.channel])
                return result
            }
        }
    }

    /// Serializes ingest across processes; the cache survives only if no one else committed
    /// since this process's last ingest (its commit will bump the version read here by one).
    public func beginIngest(_ db: any SQLSession, cache: IngestCache) throws {
        try db.run(sql: "SELECT pg_advisory_xact_lock(?)", arguments: [Self.ingestLock])
        let version = try db.value(Int64.self, sql: "SELECT version FROM store_state WHERE id = 1") ?? 0
        if version != cache.dataVersion { cache.clear() }
        cache.dataVersion = version + 1
    }

    public func resetSearchIndex(_ db: any SQLSession) throws {}

    public func changeVersion() throws -> Int64 { listener.version }

    @discardableResult
    public func catchUpSearchIndex(batch: Int) throws -> Int { 0 }

    public func searchMessages(_ text: String, limit: Int) throws -> [SearchHit] {
        try read { db in try PostgresSearch.search(db, text: text, limit: limit) }
    }

    private func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let (connection, lease) = try PostgresLease.acquire(from: client, timeout: leaseTimeout)
        defer { lease.end() }
        return try body(PostgresSession(connection: connection, logger: logger))
    }

    private func migrate() throws {
        try withSession { session in
            try session.transaction(begin: "BEGIN") {
                try session.run(sql: "SELECT pg_advisory_xact_lock(?)", arguments: [Self.migrationLock])
                try session.run(sql: "CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)")
                let applied = Set(try session.values(String.self, sql: "SELECT name FROM schema_migration"))
                for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                    for statement in migration.sql.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                        try session.run(sql: String(statement))
                    }
                    try session.run(sql: "INSERT INTO schema_migration (name, applied_at) VALUES (?, ?)",
                                    arguments: [migration.name, Date().timeIntervalSince1970])
                }
            }
        }
    }

    /// One direct connection first: the pool retries quietly forever, this says why it can't.
    private static func probe(_ configuration: PostgresConfiguration, location: String) throws {
        let connectionConfiguration = try configuration.connection()
        let logger = Logger(label: "switchboard.postgres.probe")
        let done = DispatchSemaphore(value: 0)
        let outcome = ProbeOutcome()
        Task(executorPreference: PostgresExecutor.shared) {
            do {
                let connection = try await PostgresConnection.connect(configuration: connectionConfiguration, id: 0, logger: logger)
                try? await connection.close()
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        guard done.wait(timeout: .now() + 10) == .success else {
            throw StoreOpenError("cannot open store \(location): no answer from \(configuration.host):\(configuration.port) within 10 s")
        }
        if let error = outcome.error {
            throw StoreOpenError("cannot open store \(location): \(PostgresErrorText.describe(error, configuration))")
        }
    }
}

private final class ProbeOutcome: @unchecked Sendable {
    var error: (any Error)?
}

extension PostgresStore {
    /// Creates an empty database next to the one `adminURL` names and returns its URL (tests:
    /// each contract test gets a database of its own on the CI cluster).
    @_spi(Testing) public static func createScratchDatabase(adminURL: String) throws -> String {
        guard var url = URLComponents(string: adminURL) else { throw StoreOpenError("not a URL: \(adminURL)") }
        let configuration = try PostgresConfiguration(url: url)
        let name = "switchboard_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let connectionConfiguration = try configuration.connection()
        let done = DispatchSemaphore(value: 0)
        let outcome = ProbeOutcome()
        Task(executorPreference: PostgresExecutor.shared) {
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: connectionConfiguration, id: 0, logger: Logger(label: "switchboard.postgres.admin"))
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: Logger(label: "switchboard.postgres.admin"))
                try? await connection.close()
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        guard done.wait(timeout: .now() + 30) == .success else { throw StoreOpenError("CREATE DATABASE timed out") }
        if let error = outcome.error { throw StoreOpenError(PostgresErrorText.describe(error, configuration)) }
        url.path = "/" + name
        return url.string ?? adminURL
    }
}
