/// Which request headers are kept with a raw webhook (SPEC §9): an allow-list of what helps
/// an operator understand a delivery — content type, user agent, the providers' event,
/// delivery and idempotency ids — and never a credential, cookie, token or signature,
/// whatever a proxy or provider names them.
public enum StoredHeaders {
    public static let allowed: Set<String> = [
        "content-type", "content-length", "user-agent", "x-forwarded-for",
        // Azure Event Grid
        "aeg-event-type", "aeg-delivery-count", "aeg-subscription-name", "aeg-data-version", "aeg-metadata-version",
        // CloudEvents
        "ce-id", "ce-type", "ce-source", "ce-specversion", "ce-time", "webhook-request-origin",
        // Kapso, Webex Connect and generic delivery ids
        "x-webhook-event", "x-idempotency-key", "x-request-id", "x-delivery-id", "x-event-id", "x-event-type",
    ]

    /// The headers to store: names lower-cased, only allowed ones.
    public static func filter(_ headers: [String: String]) -> [String: String] {
        var kept: [String: String] = [:]
        for (name, value) in headers where allowed.contains(name.lowercased()) {
            kept[name.lowercased()] = value
        }
        return kept
    }
}
