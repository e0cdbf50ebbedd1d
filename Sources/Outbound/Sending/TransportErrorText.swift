import Foundation

/// A transport failure as one sentence an operator can act on
/// (`cannot connect to 127.0.0.1:9 (connection refused)`), not a NIO error dump.
enum TransportErrorText {
    static func sentence(_ error: any Error, url: String) -> String {
        let raw = String(describing: error)
        let components = URLComponents(string: url)
        let host = components?.host ?? url
        let port = components?.port.map { ":\($0)" } ?? ""
        let place = "\(host)\(port)"
        let known: [(String, String)] = [
            ("refused", "cannot connect to \(place) (connection refused)"),
            ("errno: 111", "cannot connect to \(place) (connection refused)"),
            ("reset", "the connection to \(place) was reset"),
            ("unreachable", "cannot reach \(place) (network unreachable)"),
            ("No route", "cannot reach \(place) (no route to host)"),
            ("Name or service not known", "cannot resolve \(host)"),
            ("nodename nor servname", "cannot resolve \(host)"),
            ("dnsError", "cannot resolve \(host)"),
            ("certificate", "the TLS certificate of \(place) was not accepted"),
            ("handshake", "the TLS handshake with \(place) failed"),
            ("invalidURL", "the send URL \(url) is not valid"),
            ("emptyHost", "the send URL \(url) has no host"),
        ]
        for (needle, sentence) in known where raw.localizedCaseInsensitiveContains(needle) { return sentence }
        return "the request to \(place) failed: \(raw.prefix(160))"
    }
}
