/// The keys each table of config.toml may hold (SPEC §5). Anything else is an error that
/// names the key and the closest known one, never silently ignored.
public enum ConfigKeys {
    static let top: Set<String> = ["store", "server", "channel", "template", "keys", "operator", "contact_book_since", "bell"]
    static let server: Set<String> = ["host", "port", "max_body_bytes"]
    static let channel: Set<String> = [
        "name", "provider", "number", "id", "portfolio", "parent_group", "send_url", "template_url", "token_env",
        "webhook_secret_env", "verify_token_env", "bsuid_sending", "api", "allow_unsigned",
    ]
    static let template: Set<String> = ["name", "language", "category", "parameters", "request_contact_info"]

    /// Fails on the first key of `keys` not in `known`, naming where it stands.
    static func check(_ keys: [String], known: Set<String>, in place: String) throws(ConfigError) {
        for key in keys.sorted() where !known.contains(key) {
            let hint = closest(to: key, in: known).map { "; did you mean `\($0)`?" } ?? ""
            throw ConfigError("unknown key `\(key)` in \(place)\(hint)")
        }
    }

    /// The known key nearest to `key` by edit distance, when it is near enough to be a typo.
    public static func closest(to key: String, in known: Set<String>) -> String? {
        let scored = known.map { ($0, distance(key, $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let (best, score) = scored, score <= max(2, key.count / 3) else { return nil }
        return best
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
