import GRDB

/// The ingest path runs the same few statements for every webhook: compile each once per
/// connection and reuse it (GRDB's `execute(sql:)` would parse the SQL every time).
extension Database {
    func run(sql: String, arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    func fetchCached<T: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: T.Type, sql: String, arguments: StatementArguments = []
    ) throws -> T? {
        try T.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    func fetchCached(_ type: Row.Type, sql: String, arguments: StatementArguments = []) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}
