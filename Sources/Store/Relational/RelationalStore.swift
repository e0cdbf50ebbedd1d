public import Identity

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
    /// Runs `reproject` (rebuild) with the indexes triggers keep suspended, then builds them
    /// again from the new rows, once each; a backend without such indexes just runs it.
    func reprojecting<T>(_ db: any SQLSession, _ reproject: () throws -> T) throws -> T
    /// The contacts whose name, username or an identifier contains `needle`, read from an
    /// index, when there are at most `limit`; nil when the engine has no such index, the
    /// needle is too short for it or more contacts match (then a walk in activity order,
    /// which meets dense matches early, is the faster plan).
    func indexedContactMatches(_ needle: String, limit: Int, db: any SQLSession) throws -> [ContactID]?
}

extension RelationalStore {
    public func indexedContactMatches(_ needle: String, limit: Int, db: any SQLSession) throws -> [ContactID]? { nil }

    public func reprojecting<T>(_ db: any SQLSession, _ reproject: () throws -> T) throws -> T { try reproject() }
}
