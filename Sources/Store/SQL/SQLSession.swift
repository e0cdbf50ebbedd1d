public import GRDB

/// Which SQL engine a session talks to, for the few statements that differ (full-text
/// search, deferred constraints, write locking). Everything else is written once, in the
/// SQL both engines accept.
public enum SQLDialect: Sendable {
    case sqlite
    case postgres
}

/// One connection inside a transaction (or a read), as the shared relational code sees it.
/// SQLite's `Database` and the PostgreSQL session both conform, so the ingest, outbox and
/// browse code is written once for both backends. Placeholders are `?` (or `?1`, `?2`, …);
/// the PostgreSQL session rewrites them to `$n`.
public protocol SQLSession {
    var dialect: SQLDialect { get }
    /// Runs a statement that returns no rows. A session may send it without waiting for the
    /// server (PostgreSQL pipelines such statements); its error then comes from the next call
    /// that waits, or from `flush()`.
    func run(sql: String, arguments: SQLArguments) throws
    /// Runs a query and returns its rows.
    func rows(sql: String, arguments: SQLArguments) throws -> [SQLRow]
    /// Runs an INSERT and returns the new row's `id`.
    func insert(sql: String, arguments: SQLArguments) throws -> Int64
    /// Rows changed by the last statement.
    var changesCount: Int { get }
    /// Rows changed since the session opened (tells whether a step wrote anything).
    var totalChangesCount: Int { get }
    /// The message of an error raised by one statement on bad data (a constraint, a type):
    /// such a webhook is quarantined. Nil for anything else (I/O, connection), which fails the call.
    func statementFailure(_ error: any Error) -> String?
    /// Waits for every statement sent so far; throws the first one's error.
    func flush() throws
}

extension SQLSession {
    public func run(sql: String) throws { try run(sql: sql, arguments: []) }

    public func rows(sql: String) throws -> [SQLRow] { try rows(sql: sql, arguments: []) }

    public func rows(_ fragment: SQLFragment) throws -> [SQLRow] {
        try rows(sql: fragment.sql, arguments: fragment.arguments)
    }

    public func run(_ fragment: SQLFragment) throws { try run(sql: fragment.sql, arguments: fragment.arguments) }

    public func row(sql: String, arguments: SQLArguments = []) throws -> SQLRow? {
        try rows(sql: sql, arguments: arguments).first
    }

    /// The first column of the first row, nil when there is no row or it is NULL.
    public func value<T: DatabaseValueConvertible>(_ type: T.Type, sql: String, arguments: SQLArguments = []) throws -> T? {
        guard let row = try row(sql: sql, arguments: arguments), let first = row.values.first else { return nil }
        return T.fromDatabaseValue(first)
    }

    /// The first column of every row.
    public func values<T: DatabaseValueConvertible>(_ type: T.Type, sql: String, arguments: SQLArguments = []) throws -> [T] {
        try rows(sql: sql, arguments: arguments).compactMap { row in row.values.first.flatMap(T.fromDatabaseValue) }
    }
}
