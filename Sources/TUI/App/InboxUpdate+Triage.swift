import Foundation
import Identity
import Store
import TerminalText

/// Team workflow keys: views, resolve, snooze, assign, unread, notes, unread jumps, copying.
extension InboxUpdate {
    /// The conversation an action applies to: the message pane's when it has focus, else the
    /// list selection (SPEC §7).
    static func target(_ s: InboxState) -> Conversation? {
        (s.focus == .messages ? s.messages.conversation : nil) ?? s.list.selected
    }

    static func triage(_ s: inout InboxState, _ action: Action) -> [InboxEffect] {
        switch action {
        case .cycleView:
            return showView(&s, s.list.view.next)
        case .nextUnread, .previousUnread:
            guard let from = s.list.selected?.key else { return [] }
            return [.loadList(ListRequest(
                move: .unread(from: from, forward: action == .nextUnread), rows: InboxLayout.conversationsVisible(size: s.size),
                view: s.list.view, unreadOnly: s.list.unreadOnly, selection: .relative(to: from.id, offset: 0)))]
        case .note where s.search.active != nil, .previousMatch:
            return stepMatch(&s, forward: action == .note)
        default:
            break
        }
        guard let conversation = target(s) else { return [] }
        let now = Date(timeIntervalSince1970: s.now)
        switch action {
        case .resolve:
            return [.change(conversationID: conversation.id,
                            .status(conversation.status(at: now) == .resolved ? .open : .resolved, until: nil))]
        case .assignMe:
            guard conversation.assignee != nil || s.operatorName != nil else {
                s.status.lastError = "who is \"me\"? set SWITCHBOARD_OPERATOR or operator in the config"
                return []
            }
            return [.change(conversationID: conversation.id, .assign(conversation.assignee == nil ? s.operatorName : nil))]
        case .markUnread:
            if let index = s.list.rows.firstIndex(where: { $0.id == conversation.id }) { s.list.rows[index].unread = max(1, s.list.rows[index].unread) }
            if s.focus == .messages { s.focus = .list }   // reading it would mark it read again
            return [.change(conversationID: conversation.id, .unread), .loadCounts]
        case .snooze:
            s.prompt = PromptState(kind: .snoozeChoice, conversation: conversation)
            s.mode = .prompt
        case .assignTo:
            s.prompt = PromptState(kind: .assignTo, conversation: conversation, text: conversation.assignee ?? "")
            s.mode = .prompt
        case .note:
            s.prompt = PromptState(kind: .note, conversation: conversation)
            s.mode = .prompt
        case .copyIdentifier:
            guard let address = conversation.address else {
                s.status.lastError = "\(conversation.displayName) has no identifier to copy"
                return []
            }
            let text = address.kind == .phone ? "+" + address.value : address.value
            s.status.notice = "copied \(TerminalSafeText.field(text)) to the clipboard (OSC 52)"
            return [.copy(text)]
        default:
            break
        }
        return []
    }

    /// Switches the list to a view, from its top.
    static func showView(_ s: inout InboxState, _ view: ConversationView) -> [InboxEffect] {
        s.list.view = view
        s.list.loaded = false
        s.focus = .list
        return [.loadList(ListRequest(
            move: .top, rows: InboxLayout.conversationsVisible(size: s.size),
            view: view, unreadOnly: s.list.unreadOnly, selection: .index(0)))]   // counts are per view already
    }

    /// Keys while a prompt is open: the snooze choices, or a line of text.
    static func promptKey(_ s: inout InboxState, _ key: KeyEvent) -> [InboxEffect] {
        guard var prompt = s.prompt else {
            s.mode = .browse
            return []
        }
        let close = { (s: inout InboxState) in
            s.prompt = nil
            s.mode = .browse
        }
        if key == .escape {
            close(&s)
            return []
        }
        let now = Date(timeIntervalSince1970: s.now)
        let id = prompt.conversation.id
        switch prompt.kind {
        case .snoozeChoice:
            guard case .character(let c) = key else { return [] }
            if c == "t" {
                prompt.kind = .snoozeTime
                s.prompt = prompt
                return []
            }
            let choices = SnoozeTime.Choice.allCases
            guard let n = c.wholeNumberValue, (1...choices.count).contains(n) else { return [] }
            close(&s)
            let until = SnoozeTime.resolve(choices[n - 1], now: now, calendar: s.time.calendar)
            return [.change(conversationID: id, .status(.snoozed, until: until))]
        case .snoozeTime, .assignTo, .note:
            guard key == .enter else {
                _ = TextInput.edit(&prompt.text, key)
                s.prompt = prompt
                return []
            }
            let text = prompt.text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch prompt.kind {
            case .snoozeTime:
                guard let until = SnoozeTime.parse(text, now: now), until > now else {
                    s.status.lastError = "\"\(TerminalSafeText.field(text))\" is not a future time (30m, 4h, 2d or 2026-12-24T09:00:00Z)"
                    return []
                }
                close(&s)
                return [.change(conversationID: id, .status(.snoozed, until: until))]
            case .assignTo:
                close(&s)
                return [.change(conversationID: id, .assign(text.isEmpty ? nil : text))]
            default:
                close(&s)
                guard !text.isEmpty else { return [] }
                return [.change(conversationID: id, .note(text)), .loadTimeline(contactID: prompt.conversation.contactID, conversationID: id)]
            }
        }
    }

    /// `n`/`N` after a search jump: the next or previous hit of the same search.
    static func stepMatch(_ s: inout InboxState, forward: Bool) -> [InboxEffect] {
        guard s.search.active != nil, !s.search.results.isEmpty else {
            s.status.notice = "no active search (/ starts one)"
            return []
        }
        let count = s.search.results.count
        let current = s.search.selectedIndex - s.search.conversations.count
        let next = ((max(0, current) + (forward ? 1 : -1)) % count + count) % count
        s.search.selectedIndex = s.search.conversations.count + next
        s.status.notice = "match \(next + 1) of \(count)"
        return jump(&s)
    }

    /// After a change is stored: update the rows, and re-read the list when the conversation
    /// left the view (resolved from Open, snoozed, assigned away from Mine).
    static func conversationChanged(_ s: inout InboxState, _ conversation: Conversation, _ change: ConversationChange) -> [InboxEffect] {
        if let index = s.list.rows.firstIndex(where: { $0.id == conversation.id }) { s.list.rows[index] = conversation }
        if s.messages.conversation?.id == conversation.id { s.messages.conversation = conversation }
        let name = TerminalSafeText.field(conversation.displayName)
        s.status.notice = switch change {
        case .status(.snoozed, let until): "\(name): snoozed until \(until.map { s.time.relative($0, now: s.now) + " · " + s.time.clock($0) } ?? "further notice")"
        case .status(let status, _): "\(name): \(status.rawValue)"
        case .assign(let who): who.map { "\(name): assigned to \(TerminalSafeText.field($0))" } ?? "\(name): unassigned"
        case .note: "\(name): note added"
        case .unread: "\(name): marked unread"
        case .read: nil
        }
        var effects: [InboxEffect] = [.loadCounts]
        // A note reloads the timeline where it is written (the prompt); anything else does here.
        let isNote = if case .note = change { true } else { false }
        if !isNote, s.messages.conversation?.id == conversation.id {
            effects.append(.loadTimeline(contactID: conversation.contactID, conversationID: conversation.id))
        }
        let filter = ConversationFilter(view: s.list.view, unreadOnly: s.list.unreadOnly, me: s.operatorName,
                                        now: Date(timeIntervalSince1970: s.now))
        if !filter.matches(conversation), let index = s.list.rows.firstIndex(where: { $0.id == conversation.id }) {
            // Gone from this view: the row below takes its place.
            let top = s.list.hasAbove ? s.list.rows.first?.key : nil
            let next = s.list.rows.indices.contains(index + 1) ? s.list.rows[index + 1].id : nil
            if s.messages.conversation?.id == conversation.id, s.focus == .messages { s.focus = .list }
            effects.append(.loadList(ListRequest(
                move: .reload(top: top), rows: InboxLayout.conversationsVisible(size: s.size), view: s.list.view,
                unreadOnly: s.list.unreadOnly, selection: next.map { .id($0, fallback: index) } ?? .index(index))))
        }
        return effects
    }
}
