import Foundation
import Identity
import Testing

@Suite("Phone continuity")
struct PhoneContinuityTests {
    static let now = Date(timeIntervalSince1970: 1_795_200_000)
    static func ago(days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    @Test(arguments: [
        // last phone interaction (days ago), any since the contact book started, state
        (nil as Double?, false, ContinuityState.atRisk),
        (1, false, .phoneWindow),
        (29.999, false, .phoneWindow),
        (30, false, .atRisk),                  // exactly 30 days: the window has ended
        (45, false, .atRisk),
        (45, true, .contactBook),              // the contact book wins over everything
        (1, true, .contactBook),
    ])
    func theStateAtTheBoundaries(daysAgo: Double?, sinceContactBook: Bool, expected: ContinuityState) {
        let result = PhoneContinuity.evaluate(lastPhoneInteraction: daysAgo.map(Self.ago), interactedSinceContactBook: sinceContactBook,
                                              now: Self.now)
        #expect(result.state == expected)
        if expected == .phoneWindow, let daysAgo {
            #expect(result.windowUntil == Self.ago(days: daysAgo).addingTimeInterval(30 * 86_400))
        } else {
            #expect(result.windowUntil == nil)
        }
    }
}
