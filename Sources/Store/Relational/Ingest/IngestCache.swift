import Foundation
import Identity

/// Lookups the writer repeats for every message of a busy customer. Valid only while no
/// other connection has written: the writer drops it when `PRAGMA data_version` moves,
/// and after any merge or identity change.
public final class IngestCache {
    var dataVersion: Int64 = -1
    /// The WAL checkpoint interval set on the writer connection (nil: not tuned yet).
    var checkpointPages: Int?
    var holders: [ScopedIdentifier: ContactID] = [:]
    var currentPhones: [ContactID: Set<String>] = [:]
    var profiles: [ContactID: ContactProfile] = [:]
    var conversations: [ConversationSlot: ConversationState] = [:]

    func clear() {
        holders.removeAll(keepingCapacity: true)
        currentPhones.removeAll(keepingCapacity: true)
        profiles.removeAll(keepingCapacity: true)
        conversations.removeAll(keepingCapacity: true)
    }
}

struct ContactProfile: Hashable {
    var name: String?
    var username: String?
    var country: String?
}

struct ConversationSlot: Hashable {
    var channel: String
    var contact: ContactID
}

struct ConversationState {
    var id: Int64
    var lastMessageAt: Double?
}

/// The writer's cache, behind a lock so the store stays `Sendable` (only the single writer
/// connection touches it, inside `database.write`). A class, mutated in place: copying
/// dictionaries of 50,000 entries per message would make ingest quadratic.
public final class IngestCacheBox: @unchecked Sendable {
    public init() {}
    private let lock = NSLock()
    private let cache = IngestCache()

    func withCache<T>(_ body: (IngestCache) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(cache)
    }
}
