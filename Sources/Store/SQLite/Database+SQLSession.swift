public import GRDB
import Foundation
import GRDBSQLite

/// SQLite's connection is a session of the shared relational code. Statements are compiled
/// once per connection and reused: the ingest path runs the same few for every webhook.
extension Database: SQLSession {
    public var dialect: SQLDialect { .sqlite }

    public func run(sql: String, arguments: SQLArguments) throws {
        try bound(sql: sql, arguments).execute()
    }

    /// Reads the values straight off the statement: GRDB's `Row` cursor builds a
    /// lowercased column-name dictionary on every call, and each row's names were copied
    /// again (a third of a single-row query's time in the replay profile). The names are
    /// the statement's, computed once per cached statement.
    public func rows(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
        let statement = try bound(sql: sql, arguments)
        let names = statement.columnNames
        var rows: [SQLRow] = []
        try ColumnValuesCursor(statement).forEach { values in rows.append(SQLRow(names: names, values: values)) }
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

    /// The cached statement with `arguments` bound straight from their values. GRDB's own
    /// binding goes through `StatementArguments`, built from existentials on every call
    /// (with the conversions around it, a tenth of replay in the profile). The statement is
    /// then executed by GRDB, which keeps its transaction bookkeeping: "unchecked" empty
    /// arguments tell it the bindings are in place, and its reset keeps them.
    private func bound(sql: String, _ arguments: SQLArguments) throws -> Statement {
        let statement = try cachedStatement(sql: sql)
        statement.setUncheckedArguments(StatementArguments())
        let handle = statement.sqliteStatement
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.values.count == expected else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE,
                                message: "wrong number of statement arguments: \(arguments.values.count) for \(expected)",
                                sql: sql)
        }
        for (offset, value) in arguments.values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value.storage {
            case .null:
                code = sqlite3_bind_null(handle, index)
            case .int64(let number):
                code = sqlite3_bind_int64(handle, index, number)
            case .double(let number):
                code = sqlite3_bind_double(handle, index, number)
            case .string(let text):
                code = sqlite3_bind_text(handle, index, text, -1, Self.transient)
            case .blob(let data):
                code = data.withUnsafeBytes { bytes in
                    sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
                }
            }
            guard code == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: lastErrorMessage, sql: sql)
            }
        }
        return statement
    }

    /// SQLite copies the bound text or blob (the Swift value does not outlive the call).
    nonisolated(unsafe) private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// Steps a bound statement through GRDB (which keeps its transaction bookkeeping) and reads
/// each row's columns as values.
private final class ColumnValuesCursor: DatabaseCursor {
    typealias Element = [DatabaseValue]
    let _statement: Statement
    var _isDone = false
    private let columns: CInt

    init(_ statement: Statement) {
        _statement = statement
        columns = CInt(statement.columnCount)
    }

    func _element(sqliteStatement: SQLiteStatement) -> [DatabaseValue] {
        var values: [DatabaseValue] = []
        values.reserveCapacity(Int(columns))
        for index in 0..<columns { values.append(DatabaseValue(sqliteStatement: sqliteStatement, index: index)) }
        return values
    }
}
