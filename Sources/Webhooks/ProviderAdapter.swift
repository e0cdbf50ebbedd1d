public import Foundation
public import Identity
public import JSON

/// Turns one provider's webhook bodies into normalized events. Pure: no I/O, no clock.
public protocol ProviderAdapter: Sendable {
    var provider: ProviderKind { get }
    /// Whether a parsed body has this provider's shape (used when `--provider` is absent).
    func recognizes(_ body: JSONValue) -> Bool
    /// Normalized events, plus the parts that could not be used. `receivedAt` stands in for
    /// timestamps the body lacks (the adapter has no clock).
    func decode(_ body: JSONValue, receivedAt: Date) -> DecodedWebhook
}

/// The outcome of decoding one webhook body.
public struct DecodedWebhook: Sendable {
    public var events: [InboundEvent]
    /// Parts of the body that were unusable (e.g. a message with no valid identifier), one line each.
    public var rejected: [String]
    /// A subscription handshake (Event Grid validation) rather than data.
    public var handshake: Handshake?
    /// Valid parts that hold nothing for the inbox (other webhook fields, value-level errors,
    /// unknown status words), one line each: kept in the raw log, never quarantined (SPEC §2).
    public var ignored: [String]

    public init(events: [InboundEvent] = [], rejected: [String] = [], handshake: Handshake? = nil,
                ignored: [String] = []) {
        self.events = events
        self.rejected = rejected
        self.handshake = handshake
        self.ignored = ignored
    }

    /// A valid body that carries no conversation: nothing to apply, nothing unusable.
    public var isIgnorable: Bool { events.isEmpty && handshake == nil && rejected.isEmpty && !ignored.isEmpty }
}

/// A provider asking the receiver to prove it owns the endpoint.
public enum Handshake: Sendable, Hashable {
    /// Event Grid `SubscriptionValidationEvent`: answer `{"validationResponse": code}`.
    case eventGridValidation(code: String)
}
