import GRDB

/// Notices commits made by any other connection (another process replaying or serving, or
/// this process's own pool) through `PRAGMA data_version` on a dedicated connection: a
/// cheap poll that needs no triggers and no cooperation from the writers.
final class StoreChangeWatch: Sendable {
    private let connection: DatabaseQueue

    init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(1)
        connection = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// A value that changes whenever another connection commits to the store.
    func version() throws -> Int64 {
        try connection.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
