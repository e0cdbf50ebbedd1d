public import GRDB

/// Positional statement arguments, as database values (GRDB's value type serves both
/// backends: the PostgreSQL session binds each by its storage class).
public struct SQLArguments: ExpressibleByArrayLiteral, Sendable {
    public var values: [DatabaseValue]

    public init(_ values: [DatabaseValue]) { self.values = values }

    public init(arrayLiteral elements: (any DatabaseValueConvertible)?...) {
        values = elements.map { $0?.databaseValue ?? .null }
    }

    public mutating func append(_ value: (any DatabaseValueConvertible)?) {
        values.append(value?.databaseValue ?? .null)
    }

    public static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments { SQLArguments(lhs.values + rhs.values) }
}
