import Foundation
import Hummingbird

/// Counts requests being handled so an in-process stop can refuse new ones and wait for
/// the rest before the server is torn down (no webhook is cut off between commit and answer).
final class InFlightGate: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var open = true
    private var inFlight = 0
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []

    /// Admits a request unless the gate is closed.
    func enter() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard open else { return false }
        inFlight += 1
        return true
    }

    func leave() {
        lock.lock()
        inFlight -= 1
        let waiters = inFlight == 0 ? idleWaiters : []
        if inFlight == 0 { idleWaiters = [] }
        lock.unlock()
        for waiter in waiters { waiter.resume() }
    }

    /// Refuses new requests from now on and returns once those already admitted are done.
    func closeAndDrain() async {
        await withCheckedContinuation { continuation in
            lock.lock()
            open = false
            if inFlight == 0 {
                lock.unlock()
                continuation.resume()
            } else {
                idleWaiters.append(continuation)
                lock.unlock()
            }
        }
    }
}

/// Applies the gate: a request arriving after the stop began gets 503 (the sender retries later).
struct InFlightMiddleware: RouterMiddleware {
    typealias Context = ReceiverRequestContext
    let gate: InFlightGate

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard gate.enter() else {
            context.notes.record("outcome", "stopping")
            return ReceiverResponse.json(.serviceUnavailable, ["ok": .bool(false), "error": .string("receiver is stopping")])
        }
        defer { gate.leave() }
        return try await next(request, context)
    }
}
