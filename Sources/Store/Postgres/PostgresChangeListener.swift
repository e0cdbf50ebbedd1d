import Foundation
import Logging
import PostgresNIO

/// Keeps one pooled connection LISTENing on the store's channel and counts notifications;
/// reconnects after a second when the connection drops.
final class PostgresChangeListener: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int64 = 0
    private var task: Task<Void, Never>?

    init(client: PostgresClient, channel: String) {
        task = Task(executorPreference: PostgresExecutor.shared) { [weak self] in
            while !Task.isCancelled {
                do {
                    try await client.withConnection { connection in
                        try await connection.listen(on: channel) { notifications in
                            // Anything may have changed while not listening.
                            self?.bump()
                            for try await _ in notifications { self?.bump() }
                        }
                    }
                } catch {
                    self?.bump()
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Changes whenever a notification arrives (any process's commit).
    var version: Int64 {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    func stop() { task?.cancel() }

    private func bump() {
        lock.lock()
        count += 1
        lock.unlock()
    }
}
