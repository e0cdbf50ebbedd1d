/// When and how often a send is retried: only when the provider surely did not take the
/// message (connection timeout) or said it failed on its side (5xx). A 4xx is final; a
/// timeout after connecting is final too, because the provider may have sent it already.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// Pause before the second attempt; doubled for each further one.
    public var initialBackoff: Duration
    public var maxBackoff: Duration

    public init(maxAttempts: Int = 4, initialBackoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(8)) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    public static let standard = RetryPolicy()

    /// Pause before attempt `attempt` (2, 3, …).
    public func backoff(before attempt: Int) -> Duration {
        var delay = initialBackoff
        for _ in 0..<max(0, attempt - 2) {
            delay = delay * 2
            if delay >= maxBackoff { return maxBackoff }
        }
        return min(delay, maxBackoff)
    }

    /// Whether an HTTP status may be retried.
    public static func isRetryable(status: Int) -> Bool { (500...599).contains(status) }

    /// Whether a transport failure may be retried without risking a double send.
    public static func isRetryable(_ error: TransportError) -> Bool { error == .connectTimeout }
}
