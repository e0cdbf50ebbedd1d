/// What came back from a provider over HTTP.
public struct TransportResponse: Sendable, Hashable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// Why no HTTP answer came back. The distinction decides whether a retry is safe.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No connection within the connect timeout: the request never left, a retry is safe.
    case connectTimeout
    /// Connected, but no answer in time: the provider may have taken the message.
    case responseTimeout
    /// Anything else (refused connection, TLS, bad URL).
    case failed(String)

    public var description: String {
        switch self {
        case .connectTimeout: "connection timed out"
        case .responseTimeout: "no answer before the timeout"
        case .failed(let detail): detail
        }
    }
}

/// Performs one HTTP request: AsyncHTTPClient in the app, a scripted fake in tests.
public protocol ProviderTransport: Sendable {
    func perform(_ request: ProviderRequest) async throws(TransportError) -> TransportResponse
}
