import Store

/// Overlays: a message's details and the help screen.
extension InboxUpdate {
    /// `Enter` in the message pane: details of the newest message on screen.
    static func openDetails(_ s: inout InboxState) -> [InboxEffect] {
        let pane = InboxLayout.messageBody(s)
        let lines = MessageLines.build(pane: s.messages, width: pane.width, time: s.time, now: s.now)
        let bottom = lines.count - 1 - s.messages.scroll
        guard bottom >= 0, let id = lines[...min(bottom, lines.count - 1)].last(where: { $0.messageID != nil })?.messageID,
              id > 0 else { return [] }
        return showDetails(&s, id)
    }

    static func showDetails(_ s: inout InboxState, _ id: Int64) -> [InboxEffect] {
        s.details = MessageDetailsState(messageID: id)
        s.mode = .messageDetails
        return [.loadDeliveryHistory(messageID: id)]
    }

    /// The message shown in the details overlay.
    static func detailedMessage(_ s: InboxState) -> Message? {
        s.messages.entries.first { $0.id == s.details.messageID }
    }

    /// `j`/`k` step to the next/previous message; anything else closes.
    static func detailsKey(_ s: inout InboxState, _ key: KeyEvent) -> [InboxEffect] {
        let entries = s.messages.entries
        guard let index = entries.firstIndex(where: { $0.id == s.details.messageID }) else {
            s.mode = .browse
            return []
        }
        switch s.keymap.action(for: key) {
        case .moveDown where index + 1 < entries.count: return showDetails(&s, entries[index + 1].id)
        case .moveUp where index > 0: return showDetails(&s, entries[index - 1].id)
        case .moveDown, .moveUp: return []
        case .quit where key != .escape && key != .enter: return quit(&s)
        default:
            s.mode = .browse
            return []
        }
    }

    /// Help scrolls with the movement keys; Esc, Enter, `q` and `?` close it; any other key
    /// closes it and does what it does (the key is not lost).
    static func helpKey(_ s: inout InboxState, _ key: KeyEvent) -> [InboxEffect] {
        let action = s.keymap.action(for: key)
        switch action {
        case .moveDown: s.help.scroll += 1
        case .moveUp: s.help.scroll = max(0, s.help.scroll - 1)
        case .pageDown, .halfPageDown: s.help.scroll += max(1, s.size.rows / 2)
        case .pageUp, .halfPageUp: s.help.scroll = max(0, s.help.scroll - max(1, s.size.rows / 2))
        case .top: s.help.scroll = 0
        case .bottom: s.help.scroll = Int.max / 4
        default:
            s.mode = .browse
            s.help.scroll = 0
            if key == .escape || key == .enter || action == .quit || action == .help { return [] }
            return handleKey(&s, key)
        }
        return []
    }
}
