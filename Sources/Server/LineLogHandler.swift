import Foundation
public import Logging

/// A `LogHandler` writing one line per event through a `LogLineSink`:
/// `2026-12-01T21:42:14.123Z info switchboard.serve: request method=POST route=/webhooks/meta …`
/// (UTC time with milliseconds, level, label, message, then the metadata sorted by key).
public struct LineLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let sink: LogLineSink

    public init(label: String, sink: LogLineSink = .standardError) {
        self.label = label
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = Self.timestamp()
        line += " \(event.level) \(label): \(event.message)"
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        if let error = event.error { all["error"] = "\(error)" }
        for (key, value) in all.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(value)"
        }
        sink.append(line, urgent: event.level >= .warning)
    }

    /// Now in UTC, e.g. `2026-12-01T21:42:14.123Z`, without the time zone lookup `localtime` does.
    static func timestamp(_ date: Date = Date()) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, dayMilliseconds) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (year, month, day) = civilDate(daysSinceEpoch: dayMilliseconds < 0 ? days - 1 : days)
        let inDay = dayMilliseconds < 0 ? dayMilliseconds + 86_400_000 : dayMilliseconds
        func digits(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))T\(digits(inDay / 3_600_000, 2)):"
            + "\(digits(inDay / 60_000 % 60, 2)):\(digits(inDay / 1000 % 60, 2)).\(digits(inDay % 1000, 3))Z"
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
