public import Foundation

/// The triage views of the inbox (SPEC §7), cycled with `v`. Mine and Unassigned are
/// subsets of Open.
public enum ConversationView: String, Sendable, Hashable, CaseIterable {
    case open, mine, unassigned, snoozed, resolved, all

    /// As the list header names it.
    public var title: String {
        switch self {
        case .open: "Open"
        case .mine: "Mine"
        case .unassigned: "Unassigned"
        case .snoozed: "Snoozed"
        case .resolved: "Resolved"
        case .all: "All"
        }
    }

    /// The view after this one (wrapping).
    public var next: ConversationView {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + 1) % all.count]
    }
}

/// Which conversations a list window shows: a view, optionally unread only. A snooze ends by
/// itself at its time, so the filter carries the moment it is evaluated at.
public struct ConversationFilter: Sendable, Hashable {
    public var view: ConversationView
    public var unreadOnly: Bool
    /// Who "mine" is.
    public var me: String?
    public var now: Date

    public init(view: ConversationView = .all, unreadOnly: Bool = false, me: String? = nil, now: Date = Date()) {
        self.view = view
        self.unreadOnly = unreadOnly
        self.me = me
        self.now = now
    }

    /// Every conversation.
    public static let everything = ConversationFilter()

    /// Whether a conversation belongs (the same rule the store's query applies).
    public func matches(_ c: Conversation) -> Bool {
        if unreadOnly && c.unread == 0 { return false }
        let status = c.status(at: now)
        switch view {
        case .open: return status == .open
        case .mine: return status == .open && me != nil && c.assignee == me
        case .unassigned: return status == .open && c.assignee == nil
        case .snoozed: return status == .snoozed
        case .resolved: return status == .resolved
        case .all: return true
        }
    }
}
