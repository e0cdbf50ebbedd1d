public import Foundation
public import Webhooks

/// One step of an outgoing message's delivery history (pending, sent, delivered, read,
/// failed), with when it happened and the provider's error when it failed.
public struct DeliveryEvent: Sendable, Hashable {
    public var status: DeliveryStatus
    public var at: Date
    public var errorCode: String?
    public var errorTitle: String?

    public init(status: DeliveryStatus, at: Date, errorCode: String? = nil, errorTitle: String? = nil) {
        self.status = status
        self.at = at
        self.errorCode = errorCode
        self.errorTitle = errorTitle
    }
}
