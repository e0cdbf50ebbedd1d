import Foundation
import GRDB
import Logging
import NIOCore
import PostgresNIO

/// A leased PostgreSQL connection as a session of the shared relational code. Each call
/// sends one statement and waits for its result (the caller's thread blocks; the work runs
/// on postgres-nio's event loop). `?` / `?N` placeholders become `$N`.
final class PostgresSession: SQLSession {
    let connection: PostgresConnection
    private let logger: Logger
    private(set) var changesCount = 0
    private(set) var totalChangesCount = 0

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    var dialect: SQLDialect { .postgres }

    func run(sql: String, arguments: SQLArguments) throws {
        _ = try execute(sql: sql, arguments: arguments)
    }

    func rows(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
        try execute(sql: sql, arguments: arguments).rows.map(Self.row)
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

    private func execute(sql: String, arguments: SQLArguments) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: arguments.values.count)
        for value in arguments.values { Self.bind(value, into: &binds) }
        let query = PostgresQuery(unsafeSQL: PostgresPlaceholders.rewrite(sql), binds: binds)
        let result: PostgresQueryResult
        do {
            result = try connection.query(query, logger: logger).wait()
        } catch let error as PSQLError {
            throw PostgresStatementError(error)
        }
        changesCount = result.metadata.rows ?? 0
        totalChangesCount += changesCount
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
