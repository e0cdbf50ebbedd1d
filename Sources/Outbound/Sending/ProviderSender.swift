public import Identity
import JSON
import Webhooks

/// Sends one provider request with retries and backoff (see `RetryPolicy`), and reads the
/// provider's answer into a message id or an error.
public struct ProviderSender: Sendable {
    public var transport: any ProviderTransport
    public var policy: RetryPolicy
    /// Waits between attempts; tests pass one that returns at once.
    public var sleep: @Sendable (Duration) async -> Void
    /// Called before each HTTP attempt (the outbox counts them).
    public var onAttempt: @Sendable (Int) async -> Void

    public init(transport: any ProviderTransport = HTTPTransport(), policy: RetryPolicy = .standard,
                sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
                onAttempt: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.transport = transport
        self.policy = policy
        self.sleep = sleep
        self.onAttempt = onAttempt
    }

    /// Sends `request` to `provider`'s API.
    public func send(_ request: ProviderRequest, provider: ProviderKind) async -> SendResult {
        var attempt = 1
        while true {
            await onAttempt(attempt)
            let last = attempt >= policy.maxAttempts
            do {
                let response = try await transport.perform(request)
                let body = try? JSONParser.parse(response.body)
                if (200..<300).contains(response.status) {
                    let id = body.flatMap { SendResponseReader.messageID(provider: provider, body: $0) }
                    return .accepted(messageID: id, httpStatus: response.status)
                }
                if last || !RetryPolicy.isRetryable(status: response.status) {
                    return .failed(SendResponseReader.error(provider: provider, status: response.status, body: body),
                                   httpStatus: response.status)
                }
            } catch {
                if last || !RetryPolicy.isRetryable(error) {
                    return .failed(Self.transportError(error, attempts: attempt), httpStatus: nil)
                }
            }
            attempt += 1
            await sleep(policy.backoff(before: attempt))
        }
    }

    static func transportError(_ error: TransportError, attempts: Int) -> ProviderError {
        switch error {
        case .connectTimeout:
            ProviderError(code: "connect_timeout", title: "no connection",
                          message: "could not connect to the provider (\(attempts) attempts)")
        case .responseTimeout:
            ProviderError(code: "timeout", title: "no answer",
                          message: "the provider did not answer in time; not retried, it may have taken the message")
        case .failed(let detail):
            ProviderError(code: "transport", title: "request failed", message: detail)
        }
    }
}
