import Config
import Identity
import Store
import Webhooks

/// Decides whether a webhook request is authentic enough to be stored (SPEC §6).
///
/// * `/webhooks/<channel>`: that channel's secret applies.
/// * `/webhooks/<provider>`: the body must verify against the secret of every configured
///   channel it addresses (by number/id), each with the scheme of that channel's provider.
/// * A body that addresses no configured channel (malformed, unknown number, a handshake)
///   must verify against at least one secret of the route provider's channels when any of
///   them has one: otherwise anyone could fill the quarantine with unsigned bodies.
struct WebhookAuthenticator: Sendable {
    let channels: ChannelDirectory
    let secrets: ChannelSecrets

    /// Why a request was refused; the text goes into the 401 body and the log, never a secret.
    struct Refusal: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    /// - Parameters:
    ///   - headers: every request header, lower-case names (the stored raw event keeps no credentials).
    ///   - query: the query parameters (Azure's secret).
    func authenticate(_ webhook: PreparedWebhook, headers: [String: String], target: RouteTarget,
                      query: [String: String]) -> Refusal? {
        let request = SignedRequest(body: webhook.raw.body, headers: headers, query: query)
        switch target {
        case .channel(let channel):
            return check(request, against: channel)
        case .provider(let provider):
            let addressed = addressedChannels(webhook)
            if !addressed.isEmpty {
                for channel in addressed {
                    if let refusal = check(request, against: channel) { return refusal }
                }
                return nil
            }
            let guarded = channels.channels.filter { $0.provider == provider && secrets.requiresSignature($0) }
            guard !guarded.isEmpty else { return nil }
            var refusals: [Refusal] = []
            for channel in guarded {
                guard let refusal = check(request, against: channel) else { return nil }
                refusals.append(refusal)
            }
            return refusals.count == 1 ? refusals[0]
                : Refusal(description: "body addresses no configured channel and matches no \(provider.rawValue) channel's secret")
        }
    }

    /// The configured channels the body's events address, the way the store routes them:
    /// same provider first, then any provider (a raw Meta payload forwarded by Kapso).
    func addressedChannels(_ webhook: PreparedWebhook) -> [Channel] {
        guard case .success(let decoded) = webhook.decoded else { return [] }
        var found: [Channel] = []
        for event in decoded.webhook.events {
            let address = event.channel
            if let channel = channels.route(address),
               !found.contains(where: { $0.name == channel.name }) {
                found.append(channel)
            }
        }
        return found
    }

    private func check(_ request: SignedRequest, against channel: Channel) -> Refusal? {
        switch secrets.webhookSecret(of: channel) {
        case .unsignedAllowed:
            return nil
        case .notConfigured:
            return Refusal(description: "channel \(channel.name) has no webhook secret (set webhook_secret_env, or allow_unsigned = true for local testing)")
        case .unavailable(let variable):
            return Refusal(description: "channel \(channel.name) has no secret: \(variable) is not set")
        case .secret(let secret):
            let scheme = SignatureScheme(provider: channel.provider)
            switch scheme.verify(body: request.body, headers: request.headers, query: request.query, secret: secret) {
            case .valid: return nil
            case .missing: return Refusal(description: "unsigned request for channel \(channel.name) (\(scheme.expectation))")
            case .invalid: return Refusal(description: "bad signature for channel \(channel.name)")
            }
        }
    }
}

/// The parts of a request a signature scheme reads.
private struct SignedRequest {
    let body: [UInt8]
    let headers: [String: String]
    let query: [String: String]
}

extension SignatureScheme {
    /// What the scheme expects, for refusal messages.
    var expectation: String {
        if let headerName { return "expected header \(headerName)" }
        return "expected query parameter \(Self.querySecretName)"
    }
}
