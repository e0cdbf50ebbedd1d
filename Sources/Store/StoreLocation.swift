public import Foundation

/// Where a store lives, as given by `--store` or `store =` in the config: a file path
/// (SQLite) or a `postgres://` / `postgresql://` URL (the shared team store, SPEC §10).
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(URLComponents)

    public init(_ text: String) {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://"), let url = URLComponents(string: text) {
            self = .postgres(url)
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
        }
    }
}

/// Why a store could not be opened, as one line.
public struct StoreOpenError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
