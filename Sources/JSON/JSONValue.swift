import Foundation

/// A parsed JSON document, kept loosely typed: providers disagree on types (numbers as
/// strings, `""` for absent, `null` names), so adapters read values tolerantly.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's text as written, so ids and phone numbers never lose digits.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var object: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Elements of an array; empty for anything else.
    public var array: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    public var isArray: Bool {
        if case .array = self { return true }
        return false
    }

    /// A string, or a number's text; `nil` for null, bools, arrays and objects.
    public var text: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n
        default: nil
        }
    }

    /// Like `text` but empty and whitespace-only strings count as absent.
    public var nonEmptyText: String? {
        guard let t = text, t.hasVisibleCharacter else { return nil }
        return t
    }

    public var double: Double? {
        switch self {
        case .number(let n): Double(n)
        case .string(let s): Double(s.trimmedForNumber)
        default: nil
        }
    }

    public var int64: Int64? {
        switch self {
        case .number(let n), .string(let n):
            let t = n.trimmedForNumber
            return Int64(t) ?? Double(t).flatMap { $0.isFinite && abs($0) < 9.2e18 ? Int64($0) : nil }
        default: return nil
        }
    }

    public var bool: Bool? {
        switch self {
        case .bool(let b): b
        case .string(let s): Bool(s.lowercased())
        default: nil
        }
    }
}

extension Optional where Wrapped == JSONValue {
    /// Chained lookups through optional values: `json["a"]["b"]`.
    public subscript(key: String) -> JSONValue? {
        self.flatMap { $0[key] }
    }

    public var text: String? { self?.text }
    public var nonEmptyText: String? { self?.nonEmptyText }
    public var array: [JSONValue] { self?.array ?? [] }
    public var int64: Int64? { self?.int64 }
    public var double: Double? { self?.double }
    public var bool: Bool? { self?.bool }
    public var object: [String: JSONValue]? { self?.object }
}

extension String {
    /// Whether anything but whitespace and newlines is in the text; ASCII is read byte by byte.
    var hasVisibleCharacter: Bool {
        for byte in utf8 {
            if byte >= 0x80 { return unicodeScalars.contains { !$0.properties.isWhitespace } }
            if byte != 0x20 && !(0x09...0x0D).contains(byte) { return true }
        }
        return false
    }

    /// Without surrounding whitespace; a number's text rarely has any, so that is checked first.
    var trimmedForNumber: String {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
