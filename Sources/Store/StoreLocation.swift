public import Foundation

/// Where a store lives, as given by `--store` or `store =` in the config: a file path
/// (SQLite) or a `postgres://` / `postgresql://` URL (the shared team store, SPEC §10).
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(URLComponents)
    /// A `postgres://` location that is not a URL: an error when opened, never a file.
    case malformedPostgres(String)

    public init(_ text: String) {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            if let url = URLComponents(string: text) { self = .postgres(url) } else { self = .malformedPostgres(text) }
        } else if lower.hasPrefix("postgres:") || lower.hasPrefix("postgresql:") {
            self = .malformedPostgres(text)
        } else {
            self = .sqlite(path: (text as NSString).expandingTildeInPath)
        }
    }

    /// For messages: the path, or the URL with any password replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(var url):
            if url.password != nil { url.password = "***" }
            return url.string ?? "postgres://"
        case .malformedPostgres:
            return "postgres://…"
        }
    }

    /// Opens the store. A location that cannot be opened is a `StoreOpenError`: one line,
    /// never a password, never a local file created in its place.
    public func open() throws -> any InboxStore {
        switch self {
        case .sqlite(let path):
            do {
                return try SQLiteStore(path: path)
            } catch {
                throw StoreOpenError("cannot open store \(path): \(error)")
            }
        case .postgres(let url):
            do {
                return try PostgresStore(url: url)
            } catch let error as StoreOpenError {
                throw error
            } catch {
                throw StoreOpenError("cannot open store \(self): \(error)")
            }
        case .malformedPostgres:
            throw StoreOpenError("cannot open store: the postgres:// location is not a valid URL (postgres://user[:password]@host[:port]/database)")
        }
    }
}

/// Why a store could not be opened, as one line.
public struct StoreOpenError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
