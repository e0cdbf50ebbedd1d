public import GRDB

/// SQLite's connection is a session of the shared relational code. Statements are compiled
/// once per connection and reused: the ingest path runs the same few for every webhook.
extension Database: SQLSession {
    public var dialect: SQLDialect { .sqlite }

    public func run(sql: String, arguments: SQLArguments) throws {
        try cachedStatement(sql: sql).execute(arguments: Self.statementArguments(arguments))
    }

    /// GRDB's initializer for a sequence of concrete values maps them with a key path, which
    /// is instantiated at run time on every call (12% of replay in the profile); the
    /// existential one is a plain closure.
    static func statementArguments(_ arguments: SQLArguments) -> StatementArguments {
        StatementArguments(arguments.values.map { $0 as (any DatabaseValueConvertible)? })
    }

    public func rows(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
        let statement = try cachedStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: Self.statementArguments(arguments))
        var rows: [SQLRow] = []
        while let row = try cursor.next() { rows.append(SQLRow(row)) }
        return rows
    }

    public func insert(sql: String, arguments: SQLArguments) throws -> Int64 {
        try run(sql: sql, arguments: arguments)
        return lastInsertedRowID
    }

    /// SQLite runs each statement before `run` returns: nothing is ever outstanding.
    public func flush() throws {}

    public func statementFailure(_ error: any Error) -> String? {
        guard let error = error as? DatabaseError else { return nil }
        return error.message ?? error.description
    }
}
