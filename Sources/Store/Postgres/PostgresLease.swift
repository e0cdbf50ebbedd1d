import Dispatch
import Foundation
import PostgresNIO

/// A pooled connection held by a synchronous caller: a task on the backend's executor leases
/// it from postgres-nio's pool and keeps the lease open (suspended, not blocking) until the
/// caller is done.
final class PostgresLease: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var connection: PostgresConnection?
    private var failure: (any Error)?
    private var release: CheckedContinuation<Void, Never>?
    private var abandoned = false
    private let lock = NSLock()

    /// Waits up to `timeout` seconds for a connection from `client`'s pool.
    static func acquire(from client: PostgresClient, timeout: Double) throws -> (PostgresConnection, PostgresLease) {
        let lease = PostgresLease()
        Task(executorPreference: PostgresExecutor.shared) {
            do {
                try await client.withConnection { connection in
                    await withCheckedContinuation { continuation in lease.hold(connection, until: continuation) }
                }
            } catch {
                lease.failure = error
                lease.ready.signal()
            }
        }
        guard lease.ready.wait(timeout: .now() + timeout) == .success else {
            lease.abandon()
            throw PostgresStoreError.unavailable("no database connection within \(Int(timeout)) s")
        }
        if let failure = lease.failure { throw failure }
        guard let connection = lease.connection else { throw PostgresStoreError.unavailable("no database connection") }
        return (connection, lease)
    }

    private func hold(_ connection: PostgresConnection, until continuation: CheckedContinuation<Void, Never>) {
        lock.lock()
        defer { lock.unlock() }
        // The caller gave up waiting: give the connection straight back.
        guard !abandoned else { return continuation.resume() }
        self.connection = connection
        release = continuation
        ready.signal()
    }

    private func abandon() {
        lock.lock()
        abandoned = true
        lock.unlock()
        end()
    }

    /// Returns the connection to the pool.
    func end() {
        lock.lock()
        let continuation = release
        release = nil
        lock.unlock()
        continuation?.resume()
    }
}

/// Why the team store could not serve a call, as one line.
enum PostgresStoreError: Error, CustomStringConvertible {
    case unavailable(String)

    var description: String {
        switch self {
        case .unavailable(let why): return "team store unavailable: \(why)"
        }
    }
}
