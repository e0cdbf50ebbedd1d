import Foundation
import Testing
import Identity
import Webhooks
@_spi(Testing) @testable import Store

/// Replay's transaction size follows the other writers of the same SQLite file.
@Suite struct BulkCommitSizeTests {
    @Test func commitsStaySmallForAWhileAfterAnotherConnectionWrote() throws {
        let fixture = try StoreFixture()
        let replay = fixture.store
        replay.expectBulkIngest()
        var n = 0
        func ingestOne(_ store: SQLiteStore) throws {
            n += 1
            _ = try store.ingest(StoreContractTests.inbound("wamid.B\(n)", "hello \(n)", at: 1_795_190_000 + n),
                                 channels: StoreFixture.channels)
        }
        // The first commits are small: a receiver already running shows itself in them.
        try ingestOne(replay)
        #expect(replay.bulkCommitSize == BulkCommit.shared)
        for _ in 1...5 { try ingestOne(replay) }
        #expect(replay.bulkCommitSize == BulkCommit.alone)

        // A receiver (another connection to the same file) commits: replay makes room for it.
        let receiver = try SQLiteStore(path: fixture.path)
        try ingestOne(receiver)
        try ingestOne(replay)
        #expect(replay.bulkCommitSize == BulkCommit.shared)

        // Once nobody else has written for 50 of its commits, it goes back to large ones.
        for _ in 1..<50 { try ingestOne(replay) }
        #expect(replay.bulkCommitSize == BulkCommit.shared)
        try ingestOne(replay)
        #expect(replay.bulkCommitSize == BulkCommit.alone)
    }
}
