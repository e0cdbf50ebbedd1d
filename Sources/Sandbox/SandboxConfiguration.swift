public import Foundation
public import Identity
public import JSON
public import Webhooks

/// A status webhook the sandbox delivers back to the inbox, in the provider's shape.
public struct StatusWebhook: Sendable, Hashable {
    public var provider: ProviderKind
    /// Name of the configured channel it concerns, when the route matched one.
    public var channel: String?
    public var status: DeliveryStatus
    public var messageID: String
    public var body: JSONValue
    /// Headers the provider sends with it (Kapso's `X-Webhook-Event`, Event Grid's type).
    public var headers: [String: String]
}

/// Receives the status webhooks the sandbox emits: an HTTP poster (`--webhook-url`) or, in
/// `demo`, direct ingestion. Throwing marks the delivery as failed in the ledger.
public typealias StatusWebhookSink = @Sendable (StatusWebhook) async throws -> Void

/// How to run the sandbox.
public struct SandboxConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port; `RunningSandbox.port` tells which.
    public var port: Int
    /// Configured channels: routes keyed by their id, number or name report their number and id.
    public var channels: [Channel]
    /// Statuses posted after each accepted send, in order.
    public var statuses: [DeliveryStatus]
    /// Pause before each status webhook, so an operator can watch the message progress.
    public var statusDelay: Duration
    public var sink: StatusWebhookSink?
    /// Time stamped on status webhooks.
    public var now: @Sendable () -> Date

    public init(host: String = "127.0.0.1", port: Int = 0, channels: [Channel] = [],
                statuses: [DeliveryStatus] = [.sent, .delivered, .read], statusDelay: Duration = .zero,
                sink: StatusWebhookSink? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.host = host
        self.port = port
        self.channels = channels
        self.statuses = statuses
        self.statusDelay = statusDelay
        self.sink = sink
        self.now = now
    }
}
