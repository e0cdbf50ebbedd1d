import Identity
import NIOHTTP1
import AsyncHTTPClient
import Foundation
import JSON
public import NIOCore
import Webhooks

/// Posts status webhooks over HTTP to the inbox's receiver (`--webhook-url`).
///
/// The URL may contain `{provider}` and `{channel}`; without either, `/<provider>` is
/// appended, so `http://127.0.0.1:8080/webhooks` reaches `POST /webhooks/meta` (SPEC §6).
public struct WebhookPoster: Sendable {
    public var urlTemplate: String
    public var timeout: TimeAmount

    public init(url: String, timeout: TimeAmount = .seconds(10)) {
        self.urlTemplate = url
        self.timeout = timeout
    }

    /// The receiver URL for one webhook.
    public func url(for webhook: StatusWebhook) -> String {
        if urlTemplate.contains("{provider}") || urlTemplate.contains("{channel}") {
            return urlTemplate
                .replacingOccurrences(of: "{provider}", with: webhook.provider.rawValue)
                .replacingOccurrences(of: "{channel}", with: webhook.channel ?? webhook.provider.rawValue)
        }
        let base = urlTemplate.hasSuffix("/") ? String(urlTemplate.dropLast()) : urlTemplate
        return base + "/" + webhook.provider.rawValue
    }

    /// Posts one webhook; throws unless the receiver answers 2xx.
    public func post(_ webhook: StatusWebhook) async throws {
        var request = HTTPClientRequest(url: url(for: webhook))
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in webhook.headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: webhook.body.serialized()))
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        _ = try? await response.body.collect(upTo: 1 << 20)
        guard (200..<300).contains(Int(response.status.code)) else {
            throw WebhookDeliveryError(status: Int(response.status.code), url: url(for: webhook))
        }
    }

    /// This poster as the sandbox's sink.
    public var sink: StatusWebhookSink {
        { webhook in try await post(webhook) }
    }
}

/// The receiver did not accept a status webhook.
public struct WebhookDeliveryError: Error, Sendable, CustomStringConvertible {
    public var status: Int
    public var url: String
    public var description: String { "webhook receiver \(url) answered HTTP \(status)" }
}
