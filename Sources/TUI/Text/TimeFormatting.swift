public import Foundation

/// Human times for list rows, message rows and day separators. The current time is passed
/// in (SWITCHBOARD_NOW makes screens reproducible), and so is the time zone.
public struct TimeFormatting: Sendable {
    public let calendar: Calendar

    public init(timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        self.calendar = calendar
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// Compact age for list rows: `now`, `5m`, `3h`, `2d`, `3w`, `12 Mar`, `Mar 2024`.
    public func relative(_ time: Double, now: Double) -> String {
        let time = Self.clamped(time)
        let age = Self.clamped(now) - time
        if age < 60 { return "now" }
        if age < 3600 { return "\(Int(age / 60))m" }
        if age < 86_400 { return "\(Int(age / 3600))h" }
        if age < 7 * 86_400 { return "\(Int(age / 86_400))d" }
        if age < 35 * 86_400 { return "\(Int(age / (7 * 86_400)))w" }
        let then = parts(time)
        if then.year == parts(now).year { return "\(then.day) \(Self.monthNames[then.month - 1])" }
        return "\(Self.monthNames[then.month - 1]) \(then.year)"
    }

    /// Clock time of a message: `14:05`.
    public func clock(_ time: Double) -> String {
        let p = parts(time)
        return two(p.hour) + ":" + two(p.minute)
    }

    /// Day separator label: `Today`, `Yesterday`, `Mon 12 Mar 2026`.
    public func dayLabel(_ time: Double, now: Double) -> String {
        let day = dayNumber(time)
        let today = dayNumber(now)
        if day == today { return "Today" }
        if day == today - 1 { return "Yesterday" }
        let p = parts(time)
        return "\(Self.weekdayNames[p.weekday - 1]) \(p.day) \(Self.monthNames[p.month - 1]) \(p.year)"
    }

    public func relative(_ time: Date, now: Double) -> String { relative(time.timeIntervalSince1970, now: now) }
    public func clock(_ time: Date) -> String { clock(time.timeIntervalSince1970) }
    public func dayLabel(_ time: Date, now: Double) -> String { dayLabel(time.timeIntervalSince1970, now: now) }
    public func timestamp(_ time: Date) -> String { timestamp(time.timeIntervalSince1970) }
    public func dayNumber(_ time: Date) -> Int { dayNumber(time.timeIntervalSince1970) }

    /// Full date and time for identity details: `2026-03-12 14:05`.
    public func timestamp(_ time: Double) -> String {
        let p = parts(time)
        return "\(p.year)-\(two(p.month))-\(two(p.day)) \(two(p.hour)):\(two(p.minute))"
    }

    /// A number that is equal for two times on the same local day and increases by one per day.
    public func dayNumber(_ time: Double) -> Int {
        let time = Self.clamped(time)
        let offset = Double(calendar.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: time)))
        return Int(((time + offset) / 86_400).rounded(.down))
    }

    struct Parts {
        var year, month, day, hour, minute, weekday: Int
    }

    func parts(_ time: Double) -> Parts {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday],
                                        from: Date(timeIntervalSince1970: Self.clamped(time)))
        return Parts(
            year: c.year ?? 1970, month: min(12, max(1, c.month ?? 1)), day: c.day ?? 1,
            hour: c.hour ?? 0, minute: c.minute ?? 0, weekday: min(7, max(1, c.weekday ?? 1)))
    }

    /// Any stored time as one a calendar can hold (±3000 years around 1970; NaN is 1970), so
    /// every formatting path is total: no trapping `Int(...)` on input-derived numbers.
    static func clamped(_ time: Double) -> Double {
        time.isNaN ? 0 : min(max(time, -1e11), 1e11)
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
