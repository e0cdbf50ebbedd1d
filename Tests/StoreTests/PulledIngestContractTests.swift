import Foundation
import Testing
@testable import Store

extension StoreContractTests {
    /// Replay's pulled transaction on every backend: chunks taken up to the limit in one
    /// commit, outcomes in order, a body sent twice (in two chunks) stored once.
    @Test(arguments: StoreBackend.available)
    func aPulledTransactionLandsItsChunksOnceAndInOrder(_ backend: StoreBackend) throws {
        let store = try backend.open()
        var webhooks = (0..<7).map { PreparedWebhook(Self.inbound("wamid.P\($0)", "pulled \($0)", at: 1_795_190_000 + $0)) }
        webhooks.append(PreparedWebhook(Self.inbound("wamid.P1", "pulled 1", at: 1_795_190_001)))
        let source = PulledSource(webhooks, chunk: 3)
        let first = try store.ingest(pulling: source.next, upTo: 5, channels: Self.channels)
        #expect(source.asked == [5, 2])
        #expect(first == Array(repeating: .ingested(applied: 1, skipped: 0), count: 5))
        let rest = try store.ingest(pulling: source.next, upTo: 5, channels: Self.channels)
        #expect(rest == [.ingested(applied: 1, skipped: 0), .ingested(applied: 1, skipped: 0), .duplicate])
        #expect(try store.ingest(pulling: source.next, upTo: 5, channels: Self.channels).isEmpty)
        #expect(try store.rawEventCount() == 7)
        let messages = try store.conversations().map(\.messageCount).reduce(0, +)
        #expect(messages == 7)
    }
}
