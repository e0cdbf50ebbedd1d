/// What a key does in the inbox when no text field has focus. Names are the config spelling.
public enum Action: String, Sendable, Hashable, CaseIterable {
    case moveDown = "move_down"
    case moveUp = "move_up"
    case top
    case bottom
    case pageUp = "page_up"
    case pageDown = "page_down"
    case halfPageDown = "half_page_down"
    case halfPageUp = "half_page_up"
    case open
    case back
    case switchPane = "switch_pane"
    case identity
    case reply
    case editor
    case search
    case unreadOnly = "unread_only"
    case cycleView = "cycle_view"
    case resolve
    case snooze
    case assignMe = "assign_me"
    case assignTo = "assign_to"
    case markUnread = "mark_unread"
    case nextUnread = "next_unread"
    case previousUnread = "previous_unread"
    case note
    case previousMatch = "previous_match"
    case copyIdentifier = "copy_identifier"
    case requestPhone = "request_phone"
    case help
    case commandLine = "command_line"
    case quit

    /// One line for the help screen.
    public var summary: String {
        switch self {
        case .moveDown: "next conversation / scroll down"
        case .moveUp: "previous conversation / scroll up"
        case .top: "first conversation / oldest message"
        case .bottom: "last conversation / newest message"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .halfPageDown: "half page down"
        case .halfPageUp: "half page up"
        case .open: "open conversation (marks it read)"
        case .back: "back to the list, close overlays"
        case .switchPane: "switch between list and messages"
        case .identity: "toggle identity details"
        case .reply: "reply (shows the plan first)"
        case .editor: "reply in $EDITOR"
        case .search: "search all messages"
        case .unreadOnly: "show unread conversations only"
        case .cycleView: "next view: Open, Mine, Unassigned, Snoozed, Resolved, All"
        case .resolve: "resolve the conversation (again: reopen)"
        case .snooze: "snooze: 1 h, 4 h, tomorrow 09:00, next week, or a typed time"
        case .assignMe: "assign the conversation to me (again: unassign)"
        case .assignTo: "assign to a named operator (empty: nobody)"
        case .markUnread: "mark the conversation unread"
        case .nextUnread: "next unread conversation"
        case .previousUnread: "previous unread conversation"
        case .note: "add a private note (next match while a search is active)"
        case .previousMatch: "previous search match (n: next)"
        case .copyIdentifier: "copy the reply identifier (OSC 52 clipboard)"
        case .requestPhone: "ask a BSUID-only customer to share their phone (Meta)"
        case .help: "this help"
        case .commandLine: "command line (:q, :export PATH, :search TEXT)"
        case .quit: "quit (drafts are kept)"
        }
    }
}
