/// A backend that runs the shared relational code (SPEC §1): it opens sessions and says how
/// its engine differs; ingest, identity writes, browsing and the outbox are written once, in
/// `Relational/`, for SQLite and PostgreSQL alike.
public protocol RelationalStore: InboxStore {
    /// Runs `body` on a read-only view of the store.
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// Runs `body` in one write transaction: committed when it returns, rolled back when it throws.
    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// The writer's lookup cache, kept across transactions while no other writer commits.
    var writeCache: IngestCacheBox { get }
    /// Called first in every ingest transaction (before any webhook is looked at): takes the
    /// engine's write lock where it has one and clears `cache` if anyone else wrote since.
    func beginIngest(_ db: any SQLSession, cache: IngestCache) throws
    /// Empties the full-text index (rebuild re-projects every message).
    func resetSearchIndex(_ db: any SQLSession) throws
}
