import Foundation
public import Identity
public import JSON
import Webhooks

/// A send the sandbox accepted.
public struct SandboxSend: Sendable, Hashable {
    public var provider: ProviderKind
    public var business: SandboxBusiness
    public var recipient: Identifier
    public var messageID: String
    public var body: JSONValue
}

/// An answer the sandbox gave, kept to replay it for a repeated `Idempotency-Key`.
struct SandboxAnswer: Sendable, Hashable {
    var status: Int
    var body: JSONValue
}

/// What the sandbox has accepted and delivered; shared by the routes and the tests.
public actor SandboxLedger {
    public private(set) var sends: [SandboxSend] = []
    /// Status webhooks delivered to the sink, in delivery order.
    public private(set) var delivered: [StatusWebhook] = []
    /// One line per webhook the sink failed to take.
    public private(set) var deliveryErrors: [String] = []
    private var answers: [String: SandboxAnswer] = [:]
    private var injected: [Int] = []

    public init() {}

    /// The next sends answer these HTTP statuses (e.g. 503) without sending: fault drills.
    public func injectFailures(_ statuses: [Int]) { injected.append(contentsOf: statuses) }

    func takeInjectedFailure() -> Int? { injected.isEmpty ? nil : injected.removeFirst() }

    func answer(forKey key: String?) -> SandboxAnswer? { key.flatMap { answers[$0] } }

    func record(_ send: SandboxSend, answer: SandboxAnswer, key: String?) {
        sends.append(send)
        if let key { answers[key] = answer }
    }

    func recordDelivery(_ webhook: StatusWebhook) { delivered.append(webhook) }

    func recordDeliveryError(_ line: String) { deliveryErrors.append(line) }
}
