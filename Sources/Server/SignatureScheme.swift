import Crypto
public import Identity

/// How one provider proves a webhook came from it (SPEC §6). Every scheme is checked over the
/// raw body bytes as received, never over re-serialized JSON.
public enum SignatureScheme: Sendable, Hashable {
    /// Meta: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256>`.
    case metaHubSignature256
    /// Kapso: `X-Webhook-Signature: <hex HMAC-SHA256>`.
    case kapsoHex
    /// Connectly: `x-connectly-hmac-sha256: <base64 HMAC-SHA256>`.
    case connectlyBase64
    /// Webex Connect: `x-hub-signature: sha256=<hex>` (or `sha512=<hex>`, which its hub secret also offers).
    case webexHubSignature
    /// Sinch Conversation API: `x-sinch-webhook-signature` = base64 HMAC-SHA256 of
    /// `body + "." + nonce + "." + timestamp`, with the nonce and timestamp in their own headers.
    case sinchNonceTimestamp
    /// Azure Event Grid signs nothing; the subscription URL carries the secret as `?secret=…`.
    case azureQuerySecret

    /// The scheme of webhooks delivered by `provider`.
    public init(provider: ProviderKind) {
        switch provider {
        case .meta: self = .metaHubSignature256
        case .kapso: self = .kapsoHex
        case .connectly: self = .connectlyBase64
        case .webex: self = .webexHubSignature
        case .sinch: self = .sinchNonceTimestamp
        case .azure: self = .azureQuerySecret
        }
    }

    /// The header that carries the signature (lower case), or `nil` for the query secret.
    public var headerName: String? {
        switch self {
        case .metaHubSignature256: "x-hub-signature-256"
        case .kapsoHex: "x-webhook-signature"
        case .connectlyBase64: "x-connectly-hmac-sha256"
        case .webexHubSignature: "x-hub-signature"
        case .sinchNonceTimestamp: "x-sinch-webhook-signature"
        case .azureQuerySecret: nil
        }
    }

    /// The query parameter that carries the shared secret (Azure only).
    static let querySecretName = "secret"

    /// Checks one request against `secret`.
    /// - Parameters:
    ///   - body: the raw body bytes.
    ///   - headers: request headers with lower-case names.
    ///   - query: query parameters (only the Azure scheme reads them).
    public func verify(body: [UInt8], headers: [String: String], query: [String: String],
                       secret: String) -> SignatureVerdict {
        let key = SymmetricKey(data: Array(secret.utf8))
        switch self {
        case .metaHubSignature256:
            guard let value = headers["x-hub-signature-256"] else { return .missing }
            guard let hex = Self.stripping(prefix: "sha256=", from: value), let given = SignatureEncoding.hex(hex) else {
                return .invalid
            }
            return Self.verdict(HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: body, using: key))
        case .kapsoHex:
            guard let value = headers["x-webhook-signature"] else { return .missing }
            // Some senders prefix the algorithm the way Meta does; the digest is the same.
            let hex = Self.stripping(prefix: "sha256=", from: value) ?? Substring(value)
            guard let given = SignatureEncoding.hex(hex) else { return .invalid }
            return Self.verdict(HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: body, using: key))
        case .connectlyBase64:
            guard let value = headers["x-connectly-hmac-sha256"] else { return .missing }
            guard let given = SignatureEncoding.base64(Substring(value)) else { return .invalid }
            return Self.verdict(HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: body, using: key))
        case .webexHubSignature:
            guard let value = headers["x-hub-signature"] else { return .missing }
            if let hex = Self.stripping(prefix: "sha256=", from: value), let given = SignatureEncoding.hex(hex) {
                return Self.verdict(HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: body, using: key))
            }
            if let hex = Self.stripping(prefix: "sha512=", from: value), let given = SignatureEncoding.hex(hex) {
                return Self.verdict(HMAC<SHA512>.isValidAuthenticationCode(given, authenticating: body, using: key))
            }
            return .invalid
        case .sinchNonceTimestamp:
            guard let value = headers["x-sinch-webhook-signature"] else { return .missing }
            guard let nonce = headers["x-sinch-webhook-signature-nonce"],
                  let timestamp = headers["x-sinch-webhook-signature-timestamp"],
                  let given = SignatureEncoding.base64(Substring(value)) else { return .invalid }
            var message = body
            message.append(UInt8(ascii: "."))
            message.append(contentsOf: nonce.utf8)
            message.append(UInt8(ascii: "."))
            message.append(contentsOf: timestamp.utf8)
            return Self.verdict(HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: message, using: key))
        case .azureQuerySecret:
            guard let value = query[Self.querySecretName] else { return .missing }
            return SignatureEncoding.tokensMatch(value, secret) ? .valid : .invalid
        }
    }

    /// `valid` is swift-crypto's constant-time check of the given code.
    private static func verdict(_ valid: Bool) -> SignatureVerdict {
        valid ? .valid : .invalid
    }

    /// The text after a case-insensitive `prefix`, or `nil` when it is absent.
    private static func stripping(prefix: String, from value: String) -> Substring? {
        let trimmed = value.drop { $0 == " " }
        guard trimmed.count > prefix.count, trimmed.prefix(prefix.count).lowercased() == prefix else { return nil }
        return trimmed.dropFirst(prefix.count)
    }
}

/// The result of checking one request's signature.
public enum SignatureVerdict: Sendable, Hashable {
    case valid
    /// No signature was sent.
    case missing
    /// A signature was sent but does not match (or is not in the scheme's encoding).
    case invalid
}
