public import Foundation
public import Identity
public import JSON

/// Why a webhook body could not be used at all.
public enum WebhookRejection: Error, Sendable, Hashable, CustomStringConvertible {
    case malformedJSON(String)
    case unknownShape
    case wrongProvider(ProviderKind)
    case nothingUsable([String])
    /// Over `max_body_bytes`: only the first bytes are kept (in the quarantine).
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .malformedJSON(let detail): detail
        case .unknownShape: "payload shape matches no known provider"
        case .wrongProvider(let provider): "payload is not a \(provider.rawValue) webhook"
        case .tooLarge(let bytes, let limit):
            "body of \(bytes) bytes is over max_body_bytes (\(limit)); only its first bytes are kept"
        case .nothingUsable(let reasons):
            reasons.isEmpty ? "webhook holds no messages, statuses or identity changes"
                : reasons.joined(separator: "; ")
        }
    }
}

/// A decoded body with the provider it was read as.
public struct DecodedBody: Sendable {
    public var provider: ProviderKind
    public var webhook: DecodedWebhook
}

/// Parses webhook bytes and picks the adapter: the one named, or the one whose shape matches.
public struct WebhookDecoder: Sendable {
    /// Adapters in detection order; Meta first so forwarded Meta payloads parse as Meta.
    public static let adapters: [any ProviderAdapter] = [
        MetaAdapter(),
        SinchAdapter(),
        AzureAdapter(),
        ConnectlyAdapter(),
        KapsoAdapter(),
        WebexConnectAdapter(),
    ]

    public init() {}

    public static func adapter(for provider: ProviderKind) -> (any ProviderAdapter)? {
        adapters.first { $0.provider == provider }
    }

    /// The provider whose shape `body` has, if exactly one (Meta wins when it matches:
    /// other providers forward raw Meta payloads).
    public static func detect(_ body: JSONValue) -> ProviderKind? {
        let matching = adapters.filter { $0.recognizes(body) }
        if matching.contains(where: { $0.provider == .meta }) { return .meta }
        return matching.count == 1 ? matching.first?.provider : nil
    }

    /// Decodes a body. With `provider` given, a raw Meta payload is still read as Meta.
    public static func decode(_ bytes: some Collection<UInt8>, provider: ProviderKind?, receivedAt: Date)
        -> Result<DecodedBody, WebhookRejection> {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            return .failure(.malformedJSON(error.description))
        }
        return decode(json, provider: provider, receivedAt: receivedAt)
    }

    public static func decode(_ json: JSONValue, provider: ProviderKind?, receivedAt: Date)
        -> Result<DecodedBody, WebhookRejection> {
        let chosen: any ProviderAdapter
        if let meta = adapter(for: .meta), meta.recognizes(json) {
            chosen = meta
        } else if let provider {
            guard let adapter = adapter(for: provider), adapter.recognizes(json) else {
                return .failure(.wrongProvider(provider))
            }
            chosen = adapter
        } else {
            guard let detected = detect(json), let adapter = adapter(for: detected) else {
                return .failure(.unknownShape)
            }
            chosen = adapter
        }
        var webhook = chosen.decode(json, receivedAt: receivedAt)
        TimestampSanity.repair(&webhook, receivedAt: receivedAt)
        if webhook.events.isEmpty && webhook.handshake == nil && !webhook.isIgnorable {
            return .failure(.nothingUsable(webhook.rejected))
        }
        return .success(DecodedBody(provider: chosen.provider, webhook: webhook))
    }
}
