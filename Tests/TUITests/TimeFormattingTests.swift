import Foundation
import Testing
@testable import TUI

@Suite("Times")
struct TimeFormattingTests {
    let time = TimeFormatting(timeZone: TimeZone(identifier: "UTC") ?? .current)
    /// 2026-03-12 14:05:00 UTC, a Thursday.
    let now = 1_773_324_300.0

    static let ages: [(Double, String)] = [
        (0, "now"),
        (59, "now"),
        (300, "5m"),
        (3 * 3600, "3h"),
        (2 * 86_400, "2d"),
        (15 * 86_400, "2w"),
        (60 * 86_400, "11 Jan"),
        (400 * 86_400, "Feb 2025"),
        (-100, "now"),
    ]

    @Test(arguments: ages)
    func relative(_ age: Double, _ expected: String) {
        #expect(time.relative(now - age, now: now) == expected)
    }

    @Test func clockAndDays() {
        #expect(time.clock(now) == "14:05")
        #expect(time.dayLabel(now - 3600, now: now) == "Today")
        #expect(time.dayLabel(now - 86_400, now: now) == "Yesterday")
        #expect(time.dayLabel(now - 3 * 86_400, now: now) == "Mon 9 Mar 2026")
        #expect(time.timestamp(now) == "2026-03-12 14:05")
    }
}

@Suite("Time formatting is total")
struct TimeFormattingTotalityTests {
    @Test(arguments: [1e27, -1e27, Double.infinity, -Double.infinity, Double.nan, 1e15, 9.2e18])
    func anyStoredTimeFormats(time: Double) {
        let format = TimeFormatting(timeZone: TimeZone(identifier: "UTC") ?? .current)
        _ = format.dayNumber(time)
        _ = format.dayLabel(time, now: 1_795_200_000)
        _ = format.relative(time, now: 1_795_200_000)
        _ = format.clock(time)
        _ = format.timestamp(time)
    }
}
