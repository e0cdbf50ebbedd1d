import Foundation
import GRDB
import Logging
import NIOCore
import PostgresNIO

/// A leased PostgreSQL connection as a session of the shared relational code. A statement
/// whose rows nobody reads (`run`) is sent without waiting: postgres-nio queues it on the
/// connection in order, so the caller goes on building the next one while the server works
/// (a replay sends thousands of such writes). Anything that reads — rows, an insert's id, the
/// change counts, `flush` — first waits for everything sent before it and throws the first
/// error. `?` / `?N` placeholders become `$N`.
final class PostgresSession: SQLSession {
    let connection: PostgresConnection
    private let logger: Logger
    private var pending: [EventLoopFuture<PostgresQueryResult>] = []
    /// An error of a sent statement found where it could not be thrown (a change count).
    private var deferredError: (any Error)?
    private var lastChanges = 0
    private var allChanges = 0

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    var dialect: SQLDialect { .postgres }

    func run(sql: String, arguments: SQLArguments) throws {
        pending.append(send(sql: sql, arguments: arguments))
    }

    func rows(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
        let future = send(sql: sql, arguments: arguments)
        try flush()
        return try settle(future).rows.map(Self.row)
    }

    var changesCount: Int {
        settleQuietly()
        return lastChanges
    }

    var totalChangesCount: Int {
        settleQuietly()
        return allChanges
    }

    func flush() throws {
        if let error = deferredError {
            deferredError = nil
            pending.removeAll()
            throw error
        }
        let sent = pending
        pending.removeAll()
        var first: (any Error)?
        for future in sent {
            do { _ = try settle(future) } catch { first = first ?? error }
        }
        if let first { throw first }
    }

    /// Runs `body` between `begin` and COMMIT, returning only once the server answered the
    /// COMMIT (nothing is acknowledged before); rolls back when anything fails.
    func transaction<T>(begin: String, _ body: () throws -> T) throws -> T {
        try run(sql: begin, arguments: [])
        do {
            let result = try body()
            try run(sql: "COMMIT", arguments: [])
            try flush()
            return result
        } catch {
            try? flush()
            try? run(sql: "ROLLBACK", arguments: [])
            try? flush()
            throw error
        }
    }

    private func settleQuietly() {
        do { try flush() } catch { deferredError = error }
    }

    func insert(sql: String, arguments: SQLArguments) throws -> Int64 {
        guard let row = try rows(sql: sql + " RETURNING id", arguments: arguments).first, let id: Int64 = row[0] else {
            throw StoreOpenError("INSERT returned no id")
        }
        return id
    }

    func statementFailure(_ error: any Error) -> String? {
        guard let error = error as? PostgresStatementError, let state = error.sqlState else { return nil }
        // A deadlock, a serialization failure or a lock timeout is about the moment, not the
        // data: the transaction fails (and is retried), the webhook is never quarantined.
        guard !state.hasPrefix("40"), state != "55P03", state != "57014" else { return nil }
        return error.message
    }

    private func send(sql: String, arguments: SQLArguments) -> EventLoopFuture<PostgresQueryResult> {
        var binds = PostgresBindings(capacity: arguments.values.count)
        for value in arguments.values { Self.bind(value, into: &binds) }
        let query = PostgresQuery(unsafeSQL: PostgresPlaceholders.rewrite(sql), binds: binds)
        return connection.query(query, logger: logger)
    }

    private func settle(_ future: EventLoopFuture<PostgresQueryResult>) throws -> PostgresQueryResult {
        let result: PostgresQueryResult
        do {
            result = try future.wait()
        } catch let error as PSQLError {
            throw PostgresStatementError(error)
        }
        lastChanges = result.metadata.rows ?? 0
        allChanges += lastChanges
        return result
    }

    private static func bind(_ value: DatabaseValue, into binds: inout PostgresBindings) {
        switch value.storage {
        case .null: binds.appendNull()
        case .int64(let int): binds.append(int)
        case .double(let double): binds.append(double)
        // PostgreSQL text cannot hold NUL; SQLite can. The replacement character keeps the rest.
        case .string(let text): binds.append(text.contains("\0") ? text.replacingOccurrences(of: "\0", with: "\u{FFFD}") : text)
        case .blob(let data): binds.append(ByteBuffer(bytes: data))
        }
    }

    /// A PostgreSQL row as a shared row: integers, floats, booleans, text and bytes by type.
    private static func row(_ row: PostgresRow) -> SQLRow {
        var names: [String] = []
        var values: [DatabaseValue] = []
        for cell in row {
            names.append(cell.columnName)
            values.append(value(of: cell))
        }
        return SQLRow(names: names, values: values)
    }

    private static func value(of cell: PostgresCell) -> DatabaseValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8, .oid:
            return (try? cell.decode(Int64.self)).map { $0.databaseValue } ?? .null
        case .float4, .float8:
            return (try? cell.decode(Double.self)).map { $0.databaseValue } ?? .null
        case .numeric:
            guard let text = try? cell.decode(String.self) else { return .null }
            if let int = Int64(text) { return int.databaseValue }
            return Double(text).map { $0.databaseValue } ?? text.databaseValue
        case .bool:
            return (try? cell.decode(Bool.self)).map { ($0 ? 1 : 0 as Int64).databaseValue } ?? .null
        case .bytea:
            return (try? cell.decode(ByteBuffer.self)).map { Data($0.readableBytesView).databaseValue } ?? .null
        default:
            return (try? cell.decode(String.self)).map { $0.databaseValue } ?? .null
        }
    }
}

/// `?` → `$1, $2, …` and `?N` → `$N`, outside quoted text.
enum PostgresPlaceholders {
    static func rewrite(_ sql: String) -> String {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 16)
        var next = 1
        var inQuote = false
        var scalars = sql.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "'" { inQuote.toggle() }
            guard scalar == "?", !inQuote else {
                output.unicodeScalars.append(scalar)
                continue
            }
            var digits = ""
            while let digit = pending, ("0"..."9").contains(digit) {
                digits.unicodeScalars.append(digit)
                pending = scalars.next()
            }
            if digits.isEmpty {
                output += "$\(next)"
                next += 1
            } else {
                output += "$" + digits
            }
        }
        return output
    }
}

/// A failed statement as one line: the server's message and SQLSTATE, or what broke the
/// connection (postgres-nio's own descriptions hide both).
struct PostgresStatementError: Error, CustomStringConvertible {
    let sqlState: String?
    let message: String

    init(_ error: PSQLError) {
        if let info = error.serverInfo {
            sqlState = info[.sqlState]
            message = info[.message] ?? "server error"
        } else {
            sqlState = nil
            message = "database connection failed (\(error.code))"
        }
    }

    var description: String {
        sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message
    }
}
