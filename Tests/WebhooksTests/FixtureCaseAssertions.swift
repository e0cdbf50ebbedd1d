import Foundation
import Testing
import Webhooks

/// Decodes a table row's fixture without `--provider` and compares every event.
func check(_ row: FixtureCase, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let decoded = try row.fixture.decode()
    guard case .success(let body) = decoded else {
        Issue.record("\(row): \(decoded)", sourceLocation: sourceLocation)
        return
    }
    #expect(body.provider == row.provider, sourceLocation: sourceLocation)
    #expect(body.webhook.rejected.isEmpty, "\(body.webhook.rejected)", sourceLocation: sourceLocation)
    let actual = body.webhook.events.map(EventSummary.init)
    #expect(actual.count == row.expected.count, sourceLocation: sourceLocation)
    for (got, want) in zip(actual, row.expected) {
        #expect(got == want, "\n got: \(got)\nwant: \(want)", sourceLocation: sourceLocation)
    }
}
