import NIOCore
import PostgresNIO

/// postgres-nio's errors as one human sentence (its descriptions are multi-line and
/// deliberately vague to avoid leaking data).
enum PostgresErrorText {
    static func describe(_ error: any Error, _ configuration: PostgresConfiguration) -> String {
        let server = "\(configuration.host):\(configuration.port)"
        if let error = error as? PSQLError {
            if let info = error.serverInfo {
                let message = info[.message] ?? "server error"
                switch info[.sqlState] {
                case "28P01", "28000": return "authentication failed for user \"\(configuration.user)\" (\(message))"
                case "3D000": return "database \"\(configuration.database)\" does not exist on \(server)"
                default: return message
                }
            }
            if let underlying = error.underlying { return describe(underlying, configuration) }
            if error.code == .authMechanismRequiresPassword {
                return "the server asks for a password for user \"\(configuration.user)\" (put it in the URL or PGPASSWORD)"
            }
            if error.code == .sslUnsupported { return "the server at \(server) does not support TLS (use ?sslmode=disable)" }
            return "cannot connect to \(server) (\(error.code))"
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case 111: return "cannot connect to \(server) (connection refused)"
            case 113, 101: return "cannot connect to \(server) (no route to host)"
            default: return "cannot connect to \(server) (\(error.description))"
            }
        }
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first { return describe(first.error, configuration) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "cannot resolve host \(configuration.host)" }
            return "cannot connect to \(server)"
        }
        if error is ChannelError { return "cannot connect to \(server) (\(error))" }
        return "cannot connect to \(server) (\(error))"
    }
}
