import Foundation
import Store
import TerminalText

/// `/` search over every message and the command line.
extension InboxUpdate {
    static func searchInputKey(_ s: inout InboxState, _ key: KeyEvent) -> [InboxEffect] {
        switch key {
        case .escape:
            s.mode = .browse
            return []
        case .enter:
            return runSearch(&s, s.search.query)
        default:
            _ = TextInput.edit(&s.search.query, key)
            return []
        }
    }

    static func runSearch(_ s: inout InboxState, _ query: String) -> [InboxEffect] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            s.mode = .browse
            return []
        }
        s.search.query = trimmed
        s.search.ranQuery = trimmed
        s.search.results = []
        s.search.conversations = []
        s.search.selectedIndex = 0
        s.mode = .searchResults
        return [.search(trimmed)]
    }

    static func searchResultsKey(_ s: inout InboxState, _ key: KeyEvent) -> [InboxEffect] {
        let count = s.search.conversations.count + s.search.results.count
        switch key {
        case .escape, .character("q"):
            s.mode = .browse
        case .character("/"):
            s.mode = .searchInput
        case .enter:
            return jump(&s)
        default:
            guard let action = s.keymap.action(for: key) else { return [] }
            let page = max(1, InboxLayout.make(s).mainHeight - 2)
            switch action {
            case .moveDown: s.search.selectedIndex += 1
            case .moveUp: s.search.selectedIndex -= 1
            case .pageDown, .halfPageDown: s.search.selectedIndex += page
            case .pageUp, .halfPageUp: s.search.selectedIndex -= page
            case .top: s.search.selectedIndex = 0
            case .bottom: s.search.selectedIndex = count - 1
            case .open: return jump(&s)
            case .back: s.mode = .browse
            case .quit: return quit(&s)
            default: break
            }
            s.search.selectedIndex = max(0, min(s.search.selectedIndex, count - 1))
        }
        return []
    }

    /// Opens the conversation of the selected hit, scrolled to the message (or, for a
    /// conversation found by who it is with, at its newest message).
    static func jump(_ s: inout InboxState) -> [InboxEffect] {
        if s.search.conversations.indices.contains(s.search.selectedIndex) {
            let found = s.search.conversations[s.search.selectedIndex]
            s.mode = .browse
            s.focus = .messages
            s.list.unreadOnly = false
            s.list.view = .all
            s.messages = MessagePaneState()
            return [
                .loadList(ListRequest(
                    move: .showing(conversationID: found.id), rows: InboxLayout.conversationsVisible(size: s.size),
                    view: .all, unreadOnly: false, selection: .id(found.id, fallback: 0))),
                .markRead(conversationID: found.id),
            ]
        }
        let index = s.search.selectedIndex - s.search.conversations.count
        guard s.search.results.indices.contains(index) else { return [] }
        let hit = s.search.results[index]
        s.mode = .browse
        s.focus = .messages
        s.list.unreadOnly = false
        s.list.view = .all   // the hit may be in any view (resolved, snoozed)
        s.search.active = s.search.ranQuery
        s.messages = MessagePaneState()
        s.pendingJump = SearchJump(conversationID: hit.conversationID, messageID: hit.messageID)
        return [
            .loadList(ListRequest(
                move: .showing(conversationID: hit.conversationID), rows: InboxLayout.conversationsVisible(size: s.size),
                view: .all, unreadOnly: false, selection: .id(hit.conversationID, fallback: 0))),
            .markRead(conversationID: hit.conversationID),
        ]
    }

    static func commandLineKey(_ s: inout InboxState, _ key: KeyEvent) -> [InboxEffect] {
        switch key {
        case .escape:
            s.mode = .browse
            return []
        case .enter:
            s.mode = .browse
            return runCommand(&s, s.commandLine)
        default:
            _ = TextInput.edit(&s.commandLine, key)
            if s.commandLine.isEmpty && key == .backspace { s.mode = .browse }
            return []
        }
    }

    /// `:q`, `:export PATH`, `:search TEXT`, `:help`, `:unread`.
    static func runCommand(_ s: inout InboxState, _ line: String) -> [InboxEffect] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let name = trimmed.prefix { $0 != " " }
        let argument = trimmed.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        switch name {
        case "":
            return []
        case "q", "q!", "quit", "wq":
            return quit(&s)
        case "export":
            guard !argument.isEmpty else {
                s.status.lastError = ":export needs a path"
                return []
            }
            return [.export(path: argument)]
        case "search", "s":
            return runSearch(&s, argument)
        case "help", "h":
            s.mode = .help
            return []
        case "unread":
            return perform(&s, .unreadOnly)
        default:
            s.status.lastError = "unknown command :\(TerminalSafeText.make(String(name)))"
            return []
        }
    }
}
