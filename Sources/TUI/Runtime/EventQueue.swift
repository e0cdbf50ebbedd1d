import Foundation

/// Events produced off the main loop (sends, searches, the indexer) wait here until the
/// loop picks them up between keys.
final class EventQueue: @unchecked Sendable {
    // Guarded by `lock`; the only mutable state.
    private var events: [InboxEvent] = []
    private let lock = NSLock()

    func post(_ event: InboxEvent) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    func drain() -> [InboxEvent] {
        lock.lock()
        defer { lock.unlock() }
        let drained = events
        events.removeAll()
        return drained
    }
}
