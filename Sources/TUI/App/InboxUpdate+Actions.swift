import Foundation
import Store

/// Keymap actions in browse mode.
extension InboxUpdate {
    static func perform(_ s: inout InboxState, _ action: Action) -> [InboxEffect] {
        switch action {
        case .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom:
            if identityScrolls(s) { return scrollIdentity(&s, action) }
            return s.focus == .list ? moveInList(&s, action) : scrollMessages(&s, action)
        case .open:
            return open(&s)
        case .back:
            if s.focus == .identity {
                s.focus = .list
            } else if s.search.active != nil {
                s.search.active = nil   // Esc ends the search first: matches are no longer marked
            } else if s.identity.visible && s.size.columns < InboxLayout.twoPaneMinWidth {
                s.identity.visible = false
            } else if s.focus == .messages {
                s.focus = .list
            } else if s.identity.visible {
                s.identity.visible = false
            }
            return []
        case .switchPane:
            // List → messages → identity (when shown) → list.
            switch s.focus {
            case .list where s.messages.conversation != nil: s.focus = .messages
            case .messages where s.identity.visible: s.focus = .identity
            default: s.focus = .list
            }
            return []
        case .identity:
            s.identity.visible.toggle()
            s.identity.scroll = 0
            if !s.identity.visible, s.focus == .identity { s.focus = .list }
            return s.identity.visible ? identityEffects(&s) : []
        case .reply:
            return startReply(&s)
        case .requestPhone:
            return startPhoneRequest(&s)
        case .editor:
            guard let conversation = s.messages.conversation ?? s.list.selected else { return [] }
            let text = s.compose.conversation?.id == conversation.id ? s.compose.text : ""
            return [.openEditor(conversationID: conversation.id, text: text)]
        case .search:
            s.mode = .searchInput
            s.search.query = ""
            return []
        case .unreadOnly:
            s.list.unreadOnly.toggle()
            return [.loadList(ListRequest(
                move: .top, rows: InboxLayout.conversationsVisible(size: s.size),
                view: s.list.view, unreadOnly: s.list.unreadOnly, selection: .index(0)))]
        case .cycleView, .resolve, .snooze, .assignMe, .assignTo, .markUnread, .nextUnread, .previousUnread, .note,
             .previousMatch, .copyIdentifier:
            return triage(&s, action)
        case .help:
            s.mode = .help
            s.help.scroll = 0
            return []
        case .commandLine:
            s.mode = .commandLine
            s.commandLine = ""
            return []
        case .quit:
            return quit(&s)
        }
    }

    /// Movement keys scroll the identity pane when it has focus, or when it is all a narrow
    /// terminal shows.
    static func identityScrolls(_ s: InboxState) -> Bool {
        s.identity.visible && (s.focus == .identity || s.size.columns < InboxLayout.twoPaneMinWidth)
    }

    static func scrollIdentity(_ s: inout InboxState, _ action: Action) -> [InboxEffect] {
        let page = max(1, s.size.rows / 2)
        switch action {
        case .moveDown: s.identity.scroll += 1
        case .moveUp: s.identity.scroll -= 1
        case .pageDown, .halfPageDown: s.identity.scroll += page
        case .pageUp, .halfPageUp: s.identity.scroll -= page
        case .top: s.identity.scroll = 0
        case .bottom: s.identity.scroll = Int.max / 4
        default: break
        }
        let width = InboxLayout.make(s).identity?.width ?? s.size.columns
        let total = IdentityPaneView.lines(s, width: width - 2).count
        let height = max(1, (InboxLayout.make(s).identity?.height ?? s.size.rows) - 1)
        s.identity.scroll = max(0, min(s.identity.scroll, total - height))
        return []
    }

    /// Enter on a conversation: focus its messages and mark it read.
    static func open(_ s: inout InboxState) -> [InboxEffect] {
        if s.focus == .messages { return openDetails(&s) }
        guard let selected = s.list.selected else { return [] }
        s.focus = .messages
        var effects: [InboxEffect] = []
        if s.messages.conversation?.id != selected.id {
            effects += showConversation(&s, selected)
        }
        if selected.unread > 0 {
            s.list.rows[s.list.selectedIndex].unread = 0
            s.messages.conversation?.unread = 0
            s.status.counts.unreadConversations = max(0, s.status.counts.unreadConversations - 1)
            effects.append(.markRead(conversationID: selected.id))
        }
        return effects
    }

    /// The identity pane's data for the conversation on screen.
    static func identityEffects(_ s: inout InboxState) -> [InboxEffect] {
        guard let conversation = s.messages.conversation ?? s.list.selected else { return [] }
        s.identity.previewConversationID = conversation.id
        if s.identity.detail?.contact.id != conversation.contactID { s.identity.detail = nil }
        return [.loadIdentity(contactID: conversation.contactID), .planReply(conversation: conversation),
                .loadContinuity(conversation: conversation)]
    }

    // MARK: - List

    static func moveInList(_ s: inout InboxState, _ action: Action) -> [InboxEffect] {
        guard !s.list.rows.isEmpty else { return [] }
        let visible = InboxLayout.conversationsVisible(size: s.size)
        let index = s.list.selectedIndex
        let last = s.list.rows.count - 1
        let id = s.list.rows[index].id
        let topKey = s.list.rows[0].key
        func request(_ move: ListRequest.Move, _ selection: ListRequest.Selection) -> [InboxEffect] {
            [.loadList(ListRequest(move: move, rows: visible, view: s.list.view, unreadOnly: s.list.unreadOnly, selection: selection))]
        }
        switch action {
        case .moveDown:
            if index < last { return select(&s, index + 1) }
            return s.list.hasBelow ? request(.scrollDown(from: topKey, rows: 1), .relative(to: id, offset: 1)) : []
        case .moveUp:
            if index > 0 { return select(&s, index - 1) }
            return s.list.hasAbove ? request(.scrollUp(from: topKey, rows: 1), .relative(to: id, offset: -1)) : []
        case .pageDown, .halfPageDown:
            let rows = action == .pageDown ? visible : max(1, visible / 2)
            return s.list.hasBelow ? request(.scrollDown(from: topKey, rows: rows), .index(index)) : select(&s, last)
        case .pageUp, .halfPageUp:
            let rows = action == .pageUp ? visible : max(1, visible / 2)
            return s.list.hasAbove ? request(.scrollUp(from: topKey, rows: rows), .index(index)) : select(&s, 0)
        case .top:
            return s.list.hasAbove ? request(.top, .index(0)) : select(&s, 0)
        case .bottom:
            return s.list.hasBelow ? request(.bottom, .last) : select(&s, last)
        default:
            return []
        }
    }

    /// Moves the cursor within the loaded window.
    static func select(_ s: inout InboxState, _ index: Int) -> [InboxEffect] {
        let before = s.list.selected?.id
        s.list.selectedIndex = max(0, min(index, s.list.rows.count - 1))
        return selectionChanged(&s, from: before)
    }

    /// The messages (and identity) pane follows the list cursor.
    static func selectionChanged(_ s: inout InboxState, from previous: Int64?) -> [InboxEffect] {
        guard let selected = s.list.selected else {
            if s.list.rows.isEmpty { s.messages = MessagePaneState() }
            return []
        }
        if selected.id == previous, s.messages.conversation?.id == selected.id {
            s.messages.conversation = selected
            return []
        }
        if let jump = s.pendingJump, jump.conversationID == selected.id {
            s.pendingJump = nil
            s.messages = MessagePaneState(conversation: selected, highlight: jump.messageID)
            var effects: [InboxEffect] = [.loadMessages(MessageRequest(conversationID: selected.id, kind: .around(messageID: jump.messageID), limit: pageSize(s)))]
            effects += paneExtras(selected)
            if s.identity.visible { effects += identityEffects(&s) }
            return effects
        }
        return showConversation(&s, selected)
    }

    /// Points the message pane at a conversation and reads its newest page.
    static func showConversation(_ s: inout InboxState, _ conversation: Conversation) -> [InboxEffect] {
        if s.messages.conversation?.id == conversation.id {
            s.messages.conversation = conversation
            return []
        }
        s.messages = MessagePaneState(conversation: conversation)
        var effects: [InboxEffect] = [.loadMessages(MessageRequest(conversationID: conversation.id, kind: .latest, limit: pageSize(s)))]
        effects += paneExtras(conversation)
        if s.identity.visible { effects += identityEffects(&s) }
        return effects
    }

    /// What the message pane shows beside the messages: system lines, who else composes.
    static func paneExtras(_ conversation: Conversation) -> [InboxEffect] {
        [.loadTimeline(contactID: conversation.contactID, conversationID: conversation.id),
         .loadPresence(conversationID: conversation.id)]
    }

    static func listLoaded(_ s: inout InboxState, _ window: ListWindow, _ request: ListRequest) -> [InboxEffect] {
        guard request.unreadOnly == s.list.unreadOnly, request.view == s.list.view else { return [] }   // stale answer
        let previous = s.list.selected?.id
        s.list.rows = window.rows
        s.list.hasAbove = window.hasAbove
        s.list.hasBelow = window.hasBelow
        s.list.loaded = true
        let rows = window.rows
        let index: Int
        switch request.selection {
        case .index(let i): index = i
        case .last: index = rows.count - 1
        case .relative(let id, let offset):
            if let found = rows.firstIndex(where: { $0.id == id }) {
                index = found + offset
            } else {
                index = offset > 0 ? rows.count - 1 : 0
            }
        case .id(let id, let fallback):
            index = rows.firstIndex { $0.id == id } ?? fallback
        }
        s.list.selectedIndex = max(0, min(index, rows.count - 1))
        if case .unread = request.move {
            guard let found = window.found, let at = rows.firstIndex(where: { $0.id == found }) else {
                s.status.notice = "no more unread conversations in this view"
                return []
            }
            s.list.selectedIndex = at
            if s.focus == .messages {
                s.focus = .list
                return selectionChanged(&s, from: previous) + open(&s)
            }
        }
        // Keep the open conversation's summary (unread, preview) in step with the list.
        if let open = s.messages.conversation, let fresh = rows.first(where: { $0.id == open.id }) {
            s.messages.conversation = fresh
        }
        if s.focus == .messages, s.messages.conversation != nil { return [] }   // reading: the pane stays put
        return selectionChanged(&s, from: previous)
    }
}
