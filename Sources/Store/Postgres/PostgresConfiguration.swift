import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://user[:password]@host[:port]/db[?sslmode=…]` URL as postgres-nio's client
/// configuration. Missing parts default as libpq's do: host localhost, port 5432, user the
/// login name, database the user; the password comes from the URL or `PGPASSWORD`.
struct PostgresConfiguration: Sendable {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    var sslMode: String

    init(url: URLComponents, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let user = url.user?.removingPercentEncoding ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        guard !user.isEmpty else { throw StoreOpenError("store URL has an empty user name") }
        self.user = user
        self.password = url.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        let host = url.host?.removingPercentEncoding ?? ""
        self.host = host.isEmpty ? "localhost" : host
        self.port = url.port ?? 5432
        guard (1...65535).contains(port) else { throw StoreOpenError("store URL port \(port) is out of range") }
        let name = String(url.path.drop(while: { $0 == "/" })).removingPercentEncoding ?? ""
        guard !name.contains("/") else { throw StoreOpenError("store URL path must be one database name, not \(url.path)") }
        self.database = name.isEmpty ? user : name
        var sslMode = "prefer"
        for item in url.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                sslMode = item.value ?? ""
                guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(sslMode) else {
                    throw StoreOpenError("store URL sslmode \"\(sslMode)\" is not one of disable, prefer, require, verify-ca, verify-full")
                }
            default:
                throw StoreOpenError("store URL parameter \"\(item.name)\" is not supported (only sslmode)")
            }
        }
        self.sslMode = sslMode
    }

    var client: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.maximumConnections = 8
        configuration.options.keepAliveBehavior = nil
        return configuration
    }

    func connection() throws -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database,
            tls: try connectionTLS())
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    private var tls: PostgresClient.Configuration.TLS {
        switch sslMode {
        case "disable", "allow": return .disable
        case "prefer": return .prefer(.makeClientConfiguration())
        default: return .require(.makeClientConfiguration())
        }
    }

    private func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        switch sslMode {
        case "disable", "allow": return .disable
        case "prefer": return .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: return .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }
}
