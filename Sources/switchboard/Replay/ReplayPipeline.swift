import Foundation
import Identity
import JSON
import Store
import Webhooks

/// Replays files into the store on two cores: a reader thread parses and decodes batches of
/// webhooks while the caller's thread writes what was read before, in transactions the store
/// sizes and takes a batch at a time. At most ~4,000 decoded webhooks are in memory (two
/// queued batches of 1,000, the one being written, the one being read), and the bytes of
/// the transaction's others (~5 MB for 8,000).
final class ReplayPipeline: @unchecked Sendable {
    struct Labeled {
        var webhook: PreparedWebhook
        /// `path` or `path:line`, for quarantine messages.
        var origin: String
    }

    let provider: ProviderKind?
    let channel: String?
    let receivedAt: Date
    let batchSize: Int
    /// `[server] max_body_bytes`: replay applies the receiver's limit too.
    let maxBodyBytes: Int
    private let queue = BoundedQueue<[Labeled]>(capacity: 2)
    private let lock = NSLock()
    private var bytes = 0
    private var unreadable: [String] = []

    init(provider: ProviderKind?, channel: String?, receivedAt: Date, maxBodyBytes: Int, batchSize: Int = 1000) {
        self.maxBodyBytes = maxBodyBytes
        self.provider = provider
        self.channel = channel
        self.receivedAt = receivedAt
        self.batchSize = batchSize
    }

    /// The pause after each commit, so other writers get in between.
    static let pauseMicroseconds: UInt32 = 2_000

    /// Runs the replay; `onOutcome` sees every webhook's outcome in order.
    func run(items: [ReplaySource.Item], store: any InboxStore, channels: ChannelDirectory,
             onOutcome: (IngestOutcome, String) -> Void, onProgress: (Int) -> Void) throws -> [String] {
        store.expectBulkIngest()
        let reader = Thread { [self] in
            self.produce(items)
            self.queue.close()
        }
        reader.stackSize = 8 << 20
        reader.start()
        // The store sizes each transaction (`bulkCommitSize`): large while it is the only
        // writer, small while a receiver or the inbox writes into the same store. It takes
        // the webhooks a batch at a time and keeps only the bytes of those it wrote.
        var leftover: ArraySlice<Labeled> = []
        var origins: [String] = []
        var drained = false
        while true {
            origins.removeAll(keepingCapacity: true)
            let outcomes = try store.ingest(pulling: { wanted in
                if leftover.isEmpty && !drained {
                    if let batch = queue.pop() { leftover = batch[...] } else { drained = true }
                }
                let taken = leftover.prefix(wanted)
                leftover = leftover.dropFirst(taken.count)
                origins += taken.map(\.origin)
                return taken.map(\.webhook)
            }, upTo: store.bulkCommitSize, channels: channels)
            guard !outcomes.isEmpty else { break }
            for (outcome, origin) in zip(outcomes, origins) { onOutcome(outcome, origin) }
            onProgress(lock.withLock { bytes })
            usleep(Self.pauseMicroseconds)
        }
        return lock.withLock { unreadable }
    }

    private func produce(_ items: [ReplaySource.Item]) {
        var batch: [Labeled] = []
        batch.reserveCapacity(batchSize)
        func emit(_ labeled: Labeled) {
            batch.append(labeled)
            if batch.count >= batchSize {
                queue.push(batch)
                batch = []
                batch.reserveCapacity(batchSize)
            }
        }
        for item in items {
            switch item {
            case .unreadable(let path, let reason):
                lock.withLock { unreadable.append("\(path): \(reason)") }
            case .file(let path, let lines):
                do {
                    if lines {
                        var reader = try LineReader(path: path)
                        var number = 0
                        var counted = 0
                        while let line = try reader.next() {
                            number += 1
                            if reader.bytesRead != counted {
                                let delta = reader.bytesRead - counted
                                counted = reader.bytesRead
                                lock.withLock { bytes += delta }
                            }
                            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                            emit(Labeled(webhook: prepare(line), origin: "\(path):\(number)"))
                        }
                    } else {
                        guard let data = FileManager.default.contents(atPath: path) else {
                            throw CLIFailure("cannot read file")
                        }
                        lock.withLock { bytes += data.count }
                        emit(Labeled(webhook: prepare(Array(data)[...]), origin: path))
                    }
                } catch {
                    let reason = (error as? CLIFailure)?.message ?? "\(error)"
                    lock.withLock { unreadable.append("\(path): \(reason)") }
                }
            }
        }
        if !batch.isEmpty { queue.push(batch) }
    }

    /// Parses a body or recorded envelope once and decodes it.
    func prepare(_ bytes: ArraySlice<UInt8>) -> PreparedWebhook {
        let body = Array(bytes)
        let plain = RawWebhook(body: body, provider: provider, channelName: channel, receivedAt: receivedAt)
        if body.count > maxBodyBytes { return .oversized(plain, limit: maxBodyBytes) }
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            return PreparedWebhook(plain, rejected: .malformedJSON(error.description))
        }
        switch RecordedEnvelope.from(json) {
        case nil:
            return PreparedWebhook(plain, parsed: json)
        case .failure(let rejection)?:
            return PreparedWebhook(plain, rejected: rejection)
        case .success(let envelope)?:
            let raw = RawWebhook(
                body: envelope.body, provider: provider ?? envelope.provider, channelName: channel ?? envelope.channel,
                receivedAt: envelope.receivedAt ?? receivedAt, headers: envelope.headers)
            if let parsed = envelope.parsedBody { return PreparedWebhook(raw, parsed: parsed) }
            return PreparedWebhook(raw)
        }
    }
}

/// A blocking bounded queue between the reader thread and the writer.
final class BoundedQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func push(_ item: Element) {
        condition.lock()
        while items.count >= capacity && !closed { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, or nil once closed and drained.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }
}
