import Dispatch
import Identity
import Store

/// Writes webhooks to the store in group commits: requests that arrive while a transaction
/// is being written wait together and go into the next one, so under load one SQLite commit
/// (and its WAL write) acknowledges many webhooks, and an idle receiver commits at once.
///
/// Each caller resumes only after the transaction holding its webhook has committed (or
/// failed): a 200 never goes out for a webhook that is not yet on disk.
actor GroupCommitWriter {
    private struct Waiter {
        let webhook: PreparedWebhook
        let continuation: CheckedContinuation<IngestOutcome, any Error>
    }

    private let store: any InboxStore
    private let channels: ChannelDirectory
    private let maxBatch: Int
    private let metrics: ReceiverMetrics?
    /// SQLite calls block their thread; they run here, never on the cooperative pool or an event loop.
    private let queue = DispatchQueue(label: "switchboard.server.group-commit")
    private var pending: [Waiter] = []
    private var draining = false

    /// - Parameter maxBatch: the most webhooks in one transaction, bounding how long one commit holds the write lock.
    init(store: any InboxStore, channels: ChannelDirectory, maxBatch: Int = 512, metrics: ReceiverMetrics? = nil) {
        self.metrics = metrics
        self.store = store
        self.channels = channels
        self.maxBatch = max(1, maxBatch)
    }

    /// Ingests one prepared webhook; returns once it is committed.
    func ingest(_ webhook: PreparedWebhook) async throws -> IngestOutcome {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Waiter(webhook: webhook, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    /// Commits batches until nothing is pending. While one batch is written, the actor is free
    /// to take new requests (the await below suspends it), which form the next batch.
    private func drain() async {
        while !pending.isEmpty {
            let count = min(pending.count, maxBatch)
            let batch = Array(pending.prefix(count))
            pending.removeFirst(count)
            let results = await commit(batch.map(\.webhook))
            for (waiter, result) in zip(batch, results) {
                waiter.continuation.resume(with: result)
            }
        }
        draining = false
    }

    private func commit(_ webhooks: [PreparedWebhook]) async -> [Result<IngestOutcome, any Error>] {
        let store = store
        let channels = channels
        let metrics = metrics
        return await withCheckedContinuation { continuation in
            queue.async {
                let start = ContinuousClock.now
                let results = Self.write(webhooks, store: store, channels: channels)
                metrics?.recordCommit(ContinuousClock.now - start)
                continuation.resume(returning: results)
            }
        }
    }

    /// One transaction for the batch. If it fails as a whole, each webhook is retried alone so
    /// one webhook that breaks the store does not fail the requests it happened to share a batch with.
    private static func write(_ webhooks: [PreparedWebhook], store: any InboxStore,
                              channels: ChannelDirectory) -> [Result<IngestOutcome, any Error>] {
        do {
            let outcomes = try store.ingest(webhooks, channels: channels)
            return outcomes.map { .success($0) }
        } catch {
            guard webhooks.count > 1 else { return [.failure(error)] }
            return webhooks.map { webhook in
                Result { try store.ingest([webhook], channels: channels)[0] }
            }
        }
    }
}
