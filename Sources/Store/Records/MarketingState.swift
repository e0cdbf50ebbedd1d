public import Foundation

/// A customer's marketing preference per business number.
public struct MarketingState: Sendable, Hashable {
    public var channel: String
    public var stopped: Bool
    public var reason: String
    public var at: Date
}
