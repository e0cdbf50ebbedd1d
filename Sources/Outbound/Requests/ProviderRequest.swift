public import JSON
import Webhooks

/// One HTTP header. Kept as an ordered list so requests compare and print deterministically.
public struct HTTPHeaderField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The exact HTTP request a reply turns into for its provider.
public struct ProviderRequest: Sendable, Hashable {
    public var method: String
    public var url: String
    /// Includes the auth header built from the channel's `token_env`: never print these.
    public var headers: [HTTPHeaderField]
    public var body: JSONValue

    public init(method: String = "POST", url: String, headers: [HTTPHeaderField], body: JSONValue) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// `{"method", "url", "body"}` as `reply --json` prints it: headers are left out (secrets).
    public var printable: JSONValue {
        ["method": .string(method), "url": .string(url), "body": body]
    }

    /// The value of the first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
