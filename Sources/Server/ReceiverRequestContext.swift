import Foundation
import Hummingbird

/// The per-request context: Hummingbird's core storage plus notes the handlers leave for
/// the request log (the context is copied into handlers, so the notes are a shared reference).
struct ReceiverRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let notes = RequestNotes()

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}

/// What a handler learned about a request (provider, channel, outcome), for its log line.
final class RequestNotes: @unchecked Sendable {
    // Guarded by `lock`: written by the handler, read by the logging middleware after it returns.
    private let lock = NSLock()
    private var fields: [String: String] = [:]

    func record(_ key: String, _ value: String) {
        lock.lock()
        defer { lock.unlock() }
        fields[key] = value
    }

    var all: [String: String] {
        lock.lock()
        defer { lock.unlock() }
        return fields
    }
}
