public import Foundation

/// Where a conversation is in triage.
public enum ConversationStatus: String, Sendable, Hashable, CaseIterable {
    case open, snoozed, resolved
}

/// One thing an operator does to conversations (`resolve`, `snooze`, `assign`, `mark`, `note`).
public enum ConversationChange: Sendable, Hashable {
    case status(ConversationStatus, until: Date?)
    /// Assigns to an operator, or to nobody.
    case assign(String?)
    case read
    case unread
    case note(String)
}

/// A line of a conversation's history: what an operator did, or what happened to the
/// customer's identity (`show --json` `timeline`).
public struct TimelineEntry: Sendable, Hashable {
    public var at: Date
    /// `status`, `assigned`, `note`, `identity_changed`, `merged`, `conflict`, …
    public var kind: String
    public var text: String
    public var operatorName: String?
    public var conversationID: Int64?

    public init(at: Date, kind: String, text: String, operatorName: String? = nil, conversationID: Int64? = nil) {
        self.at = at
        self.kind = kind
        self.text = text
        self.operatorName = operatorName
        self.conversationID = conversationID
    }
}
