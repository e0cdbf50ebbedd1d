import Identity
public import Foundation
public import JSON

/// Provider timestamps: Unix seconds or milliseconds (as numbers or strings) and ISO 8601.
public enum Timestamps {
    /// Values above this are taken as milliseconds (year 5138 in seconds).
    static let millisecondThreshold: Double = 1e11

    public static func parse(_ value: JSONValue?) -> Date? {
        guard let value else { return nil }
        switch value {
        case .number(let n): return epoch(Double(n))
        case .string(let s):
            let text = s.trimmingWhitespace()
            if let number = Double(text) { return epoch(number) }
            return iso8601(text)
        default: return nil
        }
    }

    public static func iso8601(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }

    private static func epoch(_ number: Double?) -> Date? {
        // Any finite number is a time; `TimestampSanity` flags the impossible ones.
        guard let number, number.isFinite else { return nil }
        let seconds = number > millisecondThreshold ? number / 1000 : number
        return Date(timeIntervalSince1970: seconds)
    }
}
