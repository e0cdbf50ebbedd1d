import Foundation
import Identity
import Store
import TerminalText

/// The conversation list: two lines per conversation (who + badges + time, then preview).
enum ConversationListView {
    static func draw(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        guard rect.height > 0, rect.width > 0 else { return }
        let focused = state.focus == .list && state.mode == .browse
        var title = "Conversations"
        if state.status.counts.conversations > 0 { title += " \(state.status.counts.conversations)" }
        if state.list.unreadOnly { title += " · unread only" }
        InboxView.title(title, in: rect, grid: &grid, focused: focused)
        let body = Rect(row: rect.row + 1, col: rect.col, width: rect.width, height: rect.height - 1)
        guard state.list.loaded else {
            grid.put(" loading…", row: body.row, col: body.col, maxWidth: body.width, style: CellStyle(.dim))
            return
        }
        if state.list.rows.isEmpty {
            let empty = state.list.unreadOnly ? " No unread conversations (u shows all)" : " No conversations yet"
            grid.put(empty, row: body.row, col: body.col, maxWidth: body.width, style: CellStyle(.dim))
            return
        }
        for (index, conversation) in state.list.rows.enumerated() {
            let row = body.row + index * InboxLayout.rowsPerConversation
            guard row + 1 < body.bottom else { break }
            drawRow(conversation, selected: index == state.list.selectedIndex, focused: focused, state: state, row: row, rect: body, grid: &grid)
        }
    }

    /// ` @ana ✓` — the assignee, and the status when not open (✓ resolved, z snoozed).
    static func workMarkers(_ c: Conversation, now: Double) -> String {
        var markers = ""
        if let assignee = c.assignee { markers += " @" + TerminalSafeText.field(assignee, limit: 12) }
        switch c.status(at: Date(timeIntervalSince1970: now)) {
        case .resolved: markers += " ✓"
        case .snoozed: markers += " z"
        case .open: break
        }
        return markers
    }

    static func drawRow(_ c: Conversation, selected: Bool, focused: Bool, state: InboxState, row: Int, rect: Rect, grid: inout ScreenGrid) {
        let unread = c.unread > 0
        let badge = IdentitySource(hasPhone: c.hasPhone).badge
        let count = unread ? " (\(c.unread > 99 ? "99+" : String(c.unread)))" : ""
        let time = c.lastMessageAt.map { state.time.relative($0, now: state.now) } ?? ""
        let work = workMarkers(c, now: state.now)
        let right = "\(work)\(count) \(badge) \(time) "
        let marker = selected ? ">" : " "
        let nameWidth = max(0, rect.width - 2 - DisplayWidth.of(right))
        let name = TextClipping.pad(TerminalSafeText.field(c.displayName), to: nameWidth)
        let nameStyle = CellStyle(.normal, bold: unread)
        grid.put(marker + " ", row: row, col: rect.col, maxWidth: rect.width, style: nameStyle)
        grid.put(name, row: row, col: rect.col + 2, maxWidth: nameWidth, style: nameStyle)
        var col = rect.col + 2 + nameWidth
        col += grid.put(work, row: row, col: col, maxWidth: rect.right - col, style: CellStyle(.dim))
        col += grid.put(count, row: row, col: col, maxWidth: rect.right - col, style: CellStyle(.unread, bold: true))
        col += grid.put(" ", row: row, col: col, maxWidth: rect.right - col)
        col += grid.put(badge, row: row, col: col, maxWidth: rect.right - col, style: CellStyle(c.hasPhone ? .badgePhone : .badgeBSUID))
        grid.put(" \(time) ", row: row, col: col, maxWidth: rect.right - col, style: CellStyle(.dim))
        let preview = (c.lastDirection == .outbound ? "you: " : "") + TerminalSafeText.field(c.preview ?? "")
        grid.put("  " + TextClipping.truncate(preview, to: max(0, rect.width - 3)), row: row + 1, col: rect.col, maxWidth: rect.width, style: CellStyle(.dim))
        if selected {
            let role: StyleRole = focused ? .selection : .selectionUnfocused
            grid.restyle(Rect(row: row, col: rect.col, width: rect.width, height: InboxLayout.rowsPerConversation), style: CellStyle(role, bold: unread))
        }
    }
}
