public import Foundation
public import Identity

/// A contact's phone interactions on one business number: messages in or out whose
/// identifier was the phone (SPEC §3), for phone continuity.
public struct PhoneInteractions: Sendable, Hashable {
    public var contactID: ContactID
    public var channel: String
    public var last: Date
    /// Any of them at or after the contact book's start.
    public var sinceContactBook: Bool

    public init(contactID: ContactID, channel: String, last: Date, sinceContactBook: Bool) {
        self.contactID = contactID
        self.channel = channel
        self.last = last
        self.sinceContactBook = sinceContactBook
    }
}
