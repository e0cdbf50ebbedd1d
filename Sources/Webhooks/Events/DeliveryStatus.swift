/// Delivery state of an outbound message: pending → sent → delivered → read → played (a
/// voice or video message was played), or failed.
public enum DeliveryStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending, sent, delivered, read, played, failed, deleted, warning

    /// Statuses only move forward: a late `delivered` never undoes `read`. `failed` is final
    /// for delivery; `deleted` records that the customer withdrew it.
    public var rank: Int {
        switch self {
        case .pending: 0
        case .sent: 1
        case .warning: 1
        case .delivered: 2
        case .read: 3
        case .played: 4
        case .failed: 5
        case .deleted: 6
        }
    }

    /// Parses provider spellings (`Delivered`, `DELIVERED`, `delivery_failed`…).
    public init?(providerValue raw: String) {
        let value = raw.lowercased()
        switch value {
        case "pending", "queued", "accepted", "enqueued": self = .pending
        case "sent", "dispatched": self = .sent
        case "delivered": self = .delivered
        case "read", "seen": self = .read
        case "played": self = .played
        case "failed", "undelivered", "error", "rejected": self = .failed
        case "deleted": self = .deleted
        case "warning": self = .warning
        default: return nil
        }
    }
}
