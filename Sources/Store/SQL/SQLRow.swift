public import GRDB

/// A result row with its columns in order, readable by position or by name, the same from
/// either backend. Reading a column as a non-optional type it does not hold is a programming
/// error (the schema is ours), as with GRDB's `Row`.
public struct SQLRow: Sendable {
    public let names: [String]
    public let values: [DatabaseValue]

    public init(names: [String], values: [DatabaseValue]) {
        self.names = names
        self.values = values
    }

    @_disfavoredOverload
    public subscript<T: DatabaseValueConvertible>(index: Int) -> T {
        Self.decode(values[index], column: names[index])
    }

    public subscript<T: DatabaseValueConvertible>(index: Int) -> T? {
        T.fromDatabaseValue(values[index])
    }

    @_disfavoredOverload
    public subscript<T: DatabaseValueConvertible>(name: String) -> T {
        Self.decode(value(named: name), column: name)
    }

    public subscript<T: DatabaseValueConvertible>(name: String) -> T? {
        T.fromDatabaseValue(value(named: name))
    }

    private func value(named name: String) -> DatabaseValue {
        guard let index = names.firstIndex(of: name) else { return .null }
        return values[index]
    }

    private static func decode<T: DatabaseValueConvertible>(_ value: DatabaseValue, column: String) -> T {
        guard let decoded = T.fromDatabaseValue(value) else {
            preconditionFailure("column \(column) holds \(value), not \(T.self)")
        }
        return decoded
    }
}
