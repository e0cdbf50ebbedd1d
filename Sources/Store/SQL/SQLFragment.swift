public import GRDB

/// SQL text with its arguments, built by interpolation: `"c.id = \(id)"` becomes `c.id = ?`
/// with `id` bound; `\(sql: text)` inserts text as SQL; a nested fragment brings its arguments.
public struct SQLFragment: ExpressibleByStringInterpolation, Sendable {
    public var sql: String
    public var arguments: SQLArguments

    public init(sql: String, arguments: SQLArguments = []) {
        self.sql = sql
        self.arguments = arguments
    }

    public init(stringLiteral value: String) { self.init(sql: value) }

    /// `?, ?, …` with `values` bound, for an `IN (…)` list.
    public static func list(_ values: [some DatabaseValueConvertible]) -> SQLFragment {
        SQLFragment(sql: Array(repeating: "?", count: values.count).joined(separator: ", "),
                    arguments: SQLArguments(values.map(\.databaseValue)))
    }

    public init(stringInterpolation: Interpolation) {
        self.init(sql: stringInterpolation.sql, arguments: stringInterpolation.arguments)
    }

    public struct Interpolation: StringInterpolationProtocol {
        var sql = ""
        var arguments: SQLArguments = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { sql += literal }

        public mutating func appendInterpolation(_ value: (any DatabaseValueConvertible)?) {
            sql += "?"
            arguments.append(value)
        }

        public mutating func appendInterpolation(sql text: String) { sql += text }

        public mutating func appendInterpolation(_ fragment: SQLFragment) {
            sql += fragment.sql
            arguments = arguments + fragment.arguments
        }
    }
}
