public import Foundation
import Webhooks

/// When a snooze ends: typed (an ISO 8601 time, or `30m` / `4h` / `2d` from now) or one of
/// the inbox's choices. Pure: the moment and the calendar come in.
public enum SnoozeTime {
    /// The inbox's `z` choices.
    public enum Choice: String, Sendable, Hashable, CaseIterable {
        case oneHour = "in 1 h"
        case fourHours = "in 4 h"
        case tomorrowMorning = "tomorrow 09:00"
        case nextWeek = "next Monday 09:00"
    }

    public static func parse(_ text: String, now: Date) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let date = Timestamps.iso8601(text) { return date }
        guard let unit = text.last, let amount = Double(text.dropLast()), amount > 0, amount.isFinite else { return nil }
        let seconds: Double
        switch unit {
        case "m": seconds = 60
        case "h": seconds = 3600
        case "d": seconds = 86_400
        default: return nil
        }
        return now.addingTimeInterval(amount * seconds)
    }

    /// The end of a chosen snooze, in the operator's calendar (time zone).
    public static func resolve(_ choice: Choice, now: Date, calendar: Calendar) -> Date {
        switch choice {
        case .oneHour: return now.addingTimeInterval(3600)
        case .fourHours: return now.addingTimeInterval(4 * 3600)
        case .tomorrowMorning:
            let tomorrow = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now)) ?? now
            return calendar.date(bySettingHour: 9, minute: 0, second: 0, of: tomorrow) ?? tomorrow
        case .nextWeek:
            let start = calendar.startOfDay(for: now)
            let weekday = calendar.component(.weekday, from: start)   // 1 = Sunday, 2 = Monday
            let ahead = (9 - weekday) % 7
            let monday = calendar.date(byAdding: .day, value: ahead == 0 ? 7 : ahead, to: start) ?? start
            return calendar.date(bySettingHour: 9, minute: 0, second: 0, of: monday) ?? monday
        }
    }
}
