import Foundation
import Testing
import Store

/// The pure triage rules: which view a conversation is in, and when a chosen snooze ends.
@Suite("Triage rules")
struct TriageRuleTests {
    static let now = Date(timeIntervalSince1970: 1_795_200_000)   // 2026-11-20 (a Friday) 15:06:40 UTC

    static func conversation(_ status: ConversationStatus, until: Double? = nil, assignee: String? = nil, unread: Int = 0) -> Conversation {
        Conversation(id: 1, channel: "support", contactID: 1, unread: unread, status: status,
                     snoozedUntil: until.map { now.addingTimeInterval($0) }, assignee: assignee)
    }

    @Test(arguments: [
        // status, snooze ends in (s), assignee, unread, views it is in
        (ConversationStatus.open, nil as Double?, nil as String?, 0, [ConversationView.open, .unassigned, .all]),
        (.open, nil, "ana", 0, [.open, .mine, .all]),
        (.open, nil, "bo", 0, [.open, .all]),
        (.snoozed, 60, nil, 0, [.snoozed, .all]),
        (.snoozed, 0, "ana", 0, [.open, .mine, .all]),           // ends exactly now: open again
        (.snoozed, -60, nil, 0, [.open, .unassigned, .all]),
        (.snoozed, nil, nil, 0, [.snoozed, .all]),                // no end: stays snoozed
        (.resolved, nil, "ana", 0, [.resolved, .all]),
    ])
    func viewsOfAConversation(status: ConversationStatus, until: Double?, assignee: String?, unread: Int, views: [ConversationView]) {
        let c = Self.conversation(status, until: until, assignee: assignee, unread: unread)
        let matching = ConversationView.allCases.filter { ConversationFilter(view: $0, me: "ana", now: Self.now).matches(c) }
        #expect(matching == views)
    }

    @Test func unreadOnlyNarrowsEveryView() {
        let read = Self.conversation(.open)
        let unread = Self.conversation(.open, unread: 2)
        #expect(!ConversationFilter(view: .open, unreadOnly: true, now: Self.now).matches(read))
        #expect(ConversationFilter(view: .open, unreadOnly: true, now: Self.now).matches(unread))
        #expect(!ConversationFilter(view: .mine, me: nil, now: Self.now).matches(Self.conversation(.open, assignee: "ana")))
    }

    @Test(arguments: [
        // now (UTC), time zone, choice, expected end (UTC)
        ("2026-11-20T15:06:40Z", "UTC", SnoozeTime.Choice.oneHour, "2026-11-20T16:06:40Z"),
        ("2026-11-20T15:06:40Z", "UTC", .fourHours, "2026-11-20T19:06:40Z"),
        ("2026-11-20T15:06:40Z", "UTC", .tomorrowMorning, "2026-11-21T09:00:00Z"),
        ("2026-11-20T23:30:00Z", "Asia/Tokyo", .tomorrowMorning, "2026-11-22T00:00:00Z"),   // 08:30 Sat in Tokyo → Sun 09:00
        ("2026-11-20T15:06:40Z", "UTC", .nextWeek, "2026-11-23T09:00:00Z"),                 // Friday → Monday
        ("2026-11-23T08:00:00Z", "UTC", .nextWeek, "2026-11-30T09:00:00Z"),                 // a Monday → the next one
        ("2026-11-22T20:00:00Z", "UTC", .nextWeek, "2026-11-23T09:00:00Z"),                 // Sunday → tomorrow
    ])
    func chosenSnoozesEndInTheOperatorsCalendar(now: String, zone: String, choice: SnoozeTime.Choice, end: String) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        let start = try #require(ISO8601DateFormatter().date(from: now))
        let expected = try #require(ISO8601DateFormatter().date(from: end))
        #expect(SnoozeTime.resolve(choice, now: start, calendar: calendar) == expected)
    }

    @Test(arguments: [("30m", 1800.0), ("4h", 14_400), ("2d", 172_800), (" 1.5h ", 5400)])
    func typedDurationsCountFromNow(text: String, seconds: Double) {
        #expect(SnoozeTime.parse(text, now: Self.now) == Self.now.addingTimeInterval(seconds))
    }

    @Test(arguments: ["soon", "", "4", "-2h", "0m", "h"])
    func typedNonsenseIsNoTime(text: String) {
        #expect(SnoozeTime.parse(text, now: Self.now) == nil)
    }
}
