@testable import Store

/// Webhooks handed out at most `chunk` at a time, as replay's reader hands over its batches;
/// it remembers how many each call asked for.
final class PulledSource {
    private var waiting: [PreparedWebhook]
    private let chunk: Int
    private(set) var asked: [Int] = []

    init(_ webhooks: [PreparedWebhook], chunk: Int) {
        waiting = webhooks
        self.chunk = chunk
    }

    func next(_ wanted: Int) -> [PreparedWebhook] {
        asked.append(wanted)
        let taken = Array(waiting.prefix(min(wanted, chunk)))
        waiting.removeFirst(taken.count)
        return taken
    }
}
