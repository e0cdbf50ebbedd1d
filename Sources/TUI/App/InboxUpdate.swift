import Store
import TerminalText

/// The pure heart of the inbox: `(state, event) → (state, effects)`. No store, no terminal,
/// no clock; everything it needs arrives in the event or is already in the state.
public enum InboxUpdate {
    /// Elm-style entry point.
    public static func update(_ state: InboxState, _ event: InboxEvent) -> (InboxState, [InboxEffect]) {
        var next = state
        let effects = apply(&next, event)
        return (next, effects)
    }

    /// What to do when the inbox opens: the newest conversations and the totals.
    public static func start(_ state: InboxState) -> [InboxEffect] {
        [
            .loadList(ListRequest(
                move: .top, rows: InboxLayout.conversationsVisible(size: state.size),
                view: state.list.view, unreadOnly: state.list.unreadOnly, selection: .index(0))),
            .loadCounts,
        ]
    }

    public static func apply(_ s: inout InboxState, _ event: InboxEvent) -> [InboxEffect] {
        let notice = s.status.notice
        let error = s.status.lastError
        let effects = dispatch(&s, event)
        // Status messages expire (see `tick`): remember when each appeared.
        // The newest message wins: a fresh notice replaces an older error.
        if s.status.notice != notice, s.status.notice != nil {
            s.status.noticeAt = s.now
            if s.status.lastError == error { s.status.lastError = nil }
        }
        if s.status.lastError != error, s.status.lastError != nil { s.status.errorAt = s.now }
        return effects
    }

    static func dispatch(_ s: inout InboxState, _ event: InboxEvent) -> [InboxEffect] {
        switch event {
        case .key(let key):
            return handleKey(&s, key)
        case .resized(let size):
            s.size = size
            return relayout(&s)
        case .tick(let now):
            return tick(&s, now)
        case .storeChanged:
            return storeChanged(&s)
        case .listLoaded(let window, let request):
            return listLoaded(&s, window, request)
        case .countsLoaded(let counts):
            return countsLoaded(&s, counts)
        case .messagesLoaded(let page):
            return messagesLoaded(&s, page)
        case .identityLoaded(let detail):
            if s.list.selected?.contactID == detail.contact.id || s.messages.conversation?.contactID == detail.contact.id {
                s.identity.detail = detail
            }
            return []
        case .replyPlanned(let conversationID, let preview):
            if s.compose.conversation?.id == conversationID { s.compose.preview = preview }
            if s.identity.previewConversationID == conversationID { s.identity.preview = preview }
            return []
        case .draftLoaded(let conversationID, let text):
            if s.compose.conversation?.id == conversationID, s.compose.text.isEmpty, let text {
                s.compose.text = text
            }
            return []
        case .sent(let conversationID, let outcome):
            return sent(&s, conversationID, outcome)
        case .searchFinished(let query, let hits):
            if s.search.ranQuery == query {
                s.search.results = hits
                s.search.selectedIndex = 0
            }
            return []
        case .editorFinished(let conversationID, let text):
            return editorFinished(&s, conversationID, text)
        case .conversationChanged(let conversation, let change):
            return conversationChanged(&s, conversation, change)
        case .conversationsFound(let query, let found):
            if s.search.ranQuery == query { s.search.conversations = found }
            return []
        case .timelineLoaded(let conversationID, let entries):
            if s.messages.conversation?.id == conversationID {
                s.messages.system = entries.filter { $0.conversationID == nil || $0.conversationID == conversationID }
                return clampScroll(&s)
            }
            return []
        case .presenceLoaded(let conversationID, let names):
            if s.messages.conversation?.id == conversationID {
                s.messages.composing = names.filter { $0 != s.operatorName }
            }
            return []
        case .continuityLoaded(let contactID, let sentences):
            s.identity.continuity = sentences
            s.identity.continuityContactID = contactID
            return []
        case .templatesLoaded(let conversationID, let choices):
            return templatesLoaded(&s, conversationID, choices)
        case .templatePreviewed(let conversationID, let preview):
            return templatePreviewed(&s, conversationID, preview)
        case .composeRetargeted(let from, let conversation, let preview):
            return retargeted(&s, from: from, conversation, preview)
        case .deliveryHistoryLoaded(let messageID, let history):
            if s.details.messageID == messageID { s.details.history = history }
            return []
        case .exported(let path, let count):
            s.status.notice = "exported \(SearchResultsView.counted(count, "message")) to \(TerminalSafeText.field(path))"
            return []
        case .failed(let message):
            s.status.lastError = message
            return []
        }
    }

    static func handleKey(_ s: inout InboxState, _ key: KeyEvent) -> [InboxEffect] {
        if key == .control("c") { return quit(&s) }
        if key == .resize { return [] }
        if case .mouse(let event) = key { return s.mode == .browse ? mouse(&s, event) : [] }
        s.status.notice = nil
        switch s.mode {
        case .help:
            return helpKey(&s, key)
        case .prompt:
            return promptKey(&s, key)
        case .messageDetails:
            return detailsKey(&s, key)
        case .templatePicker:
            return pickerKey(&s, key)
        case .compose:
            return composeKey(&s, key)
        case .searchInput:
            return searchInputKey(&s, key)
        case .searchResults:
            return searchResultsKey(&s, key)
        case .commandLine:
            return commandLineKey(&s, key)
        case .browse:
            if case .paste = key {
                s.status.notice = "paste ignored: r opens compose first"   // pasted text is never keys
                return []
            }
            guard let action = s.keymap.action(for: key) else { return [] }
            return perform(&s, action)
        }
    }

    /// A click selects the list row (or focuses the messages) under it; the wheel scrolls
    /// the pane under the pointer.
    static func mouse(_ s: inout InboxState, _ event: MouseEvent) -> [InboxEffect] {
        let layout = InboxLayout.make(s)
        func contains(_ rect: Rect?) -> Bool {
            guard let rect else { return false }
            return event.row >= rect.row && event.row < rect.bottom && event.col >= rect.col && event.col < rect.right
        }
        if contains(layout.list) {
            switch event.kind {
            case .wheelUp: s.focus = .list; return moveInList(&s, .moveUp)
            case .wheelDown: s.focus = .list; return moveInList(&s, .moveDown)
            case .click:
                guard let list = layout.list else { return [] }
                let index = (event.row - list.row - 1) / InboxLayout.rowsPerConversation
                guard event.row > list.row, s.list.rows.indices.contains(index) else { return [] }
                s.focus = .list
                return select(&s, index)
            }
        }
        if contains(layout.messages), s.messages.conversation != nil {
            switch event.kind {
            case .wheelUp: s.messages.scroll += 3
            case .wheelDown: s.messages.scroll -= 3
            case .click: return s.focus == .list ? open(&s) : []
            }
            return clampScroll(&s)
        }
        return []
    }

    static func quit(_ s: inout InboxState) -> [InboxEffect] {
        var effects: [InboxEffect] = []
        if s.mode == .compose, let conversation = s.compose.conversation {
            effects.append(.saveDraft(conversationID: conversation.id, text: s.compose.text))
            effects.append(.setPresence(conversationID: conversation.id, composing: false))
        }
        s.wantsQuit = true
        return effects + [.quit]
    }

    /// A new size: re-read the list window for the new number of rows, keeping the selection.
    static func relayout(_ s: inout InboxState) -> [InboxEffect] {
        guard s.list.loaded else { return [] }
        let rows = InboxLayout.conversationsVisible(size: s.size)
        let top: ConversationKey?
        if s.list.selectedIndex >= rows, let selected = s.list.selected {
            top = selected.key
        } else {
            top = s.list.hasAbove ? s.list.rows.first?.key : nil
        }
        let selection: ListRequest.Selection = s.list.selected.map { .id($0.id, fallback: 0) } ?? .index(0)
        clampScroll(&s)
        return [.loadList(ListRequest(move: .reload(top: top), rows: rows, view: s.list.view, unreadOnly: s.list.unreadOnly, selection: selection))]
    }

    /// Another process wrote to the store: re-read what is on screen, keeping the selection.
    static func storeChanged(_ s: inout InboxState) -> [InboxEffect] {
        var effects: [InboxEffect] = [.loadCounts]
        let rows = InboxLayout.conversationsVisible(size: s.size)
        let top = s.list.hasAbove ? s.list.rows.first?.key : nil
        let selection: ListRequest.Selection = s.list.selected.map { .id($0.id, fallback: s.list.selectedIndex) } ?? .index(0)
        effects.append(.loadList(ListRequest(move: .reload(top: top), rows: rows, view: s.list.view, unreadOnly: s.list.unreadOnly, selection: selection)))
        if let conversation = s.messages.conversation, !s.messages.hasNewer {
            if s.focus == .messages { effects.append(.markRead(conversationID: conversation.id)) }
            let limit = max(pageSize(s), s.messages.entries.count)
            effects.append(.loadMessages(MessageRequest(conversationID: conversation.id, kind: .latest, limit: limit)))
        }
        if let conversation = s.messages.conversation { effects += paneExtras(conversation) }
        if s.identity.visible, let contactID = s.messages.conversation?.contactID ?? s.list.selected?.contactID {
            effects.append(.loadIdentity(contactID: contactID))
        }
        return effects
    }

    /// Messages read per page: a few screens, never the whole history.
    static func pageSize(_ s: InboxState) -> Int {
        max(30, InboxLayout.messageBody(s).height * 2)
    }
}
