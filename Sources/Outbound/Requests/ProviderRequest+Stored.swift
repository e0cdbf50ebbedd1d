public import Identity
import JSON
import Webhooks

extension ProviderRequest {
    /// The request as the outbox stores it: `printable` (method, url, body) as JSON text.
    public var storedForm: String { printable.serialized() }

    /// Rebuilds a stored request with fresh headers for `provider` and `token`.
    /// Nil when the stored text is not a request object.
    public init?(storedForm text: String, provider: ProviderKind, token: String?) {
        guard let json = try? JSONParser.parse(text), let url = json["url"].nonEmptyText,
              let body = json["body"] else { return nil }
        self.init(method: json["method"].nonEmptyText ?? "POST", url: url,
                  headers: ProviderRequestBuilder.headers(provider: provider, token: token), body: body)
    }
}

extension ProviderRequestBuilder {
    /// Content type plus the provider's auth header when there is a token.
    public static func headers(provider: ProviderKind, token: String?) -> [HTTPHeaderField] {
        var headers = [HTTPHeaderField("Content-Type", "application/json")]
        if let token, !token.isEmpty { headers.append(shape(for: provider).authHeader(token: token)) }
        return headers
    }
}
