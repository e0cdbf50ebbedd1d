public import Webhooks

/// How a send ended after all attempts.
public enum SendResult: Sendable, Hashable {
    /// 2xx: the provider took the message. `messageID` is nil if its answer had none.
    case accepted(messageID: String?, httpStatus: Int)
    /// The provider refused (4xx, or 5xx after the last retry), or the request never got an
    /// answer; `httpStatus` is nil when there was no HTTP answer.
    case failed(ProviderError, httpStatus: Int?)

    public var messageID: String? {
        if case .accepted(let id, _) = self { return id }
        return nil
    }
}
