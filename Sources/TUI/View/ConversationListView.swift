import Foundation
import Identity
import Store
import TerminalText

/// The conversation list: two lines per conversation (who + badges + time, then preview).
enum ConversationListView {
    static func draw(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        guard rect.height > 0, rect.width > 0 else { return }
        let focused = state.focus == .list && state.mode == .browse
        InboxView.title(header(state), in: rect, grid: &grid, focused: focused)
        let body = Rect(row: rect.row + 1, col: rect.col, width: rect.width, height: rect.height - 1)
        guard state.list.loaded else {
            grid.put(" loading…", row: body.row, col: body.col, maxWidth: body.width, style: CellStyle(.dim))
            return
        }
        if state.list.rows.isEmpty, state.status.counts.conversations == 0, let path = state.missingConfigPath {
            firstRun(path, in: body, grid: &grid)
            return
        }
        if state.list.rows.isEmpty {
            let empty = state.list.unreadOnly ? " No unread conversations (u shows all)"
                : state.list.view == .all || state.status.counts.conversations == 0 ? " No conversations yet"
                : " Nothing in \(state.list.view.title) (v: next view)"
            grid.put(empty, row: body.row, col: body.col, maxWidth: body.width, style: CellStyle(.dim))
            return
        }
        for (index, conversation) in state.list.rows.enumerated() {
            let row = body.row + index * InboxLayout.rowsPerConversation
            guard row + 1 < body.bottom else { break }
            drawRow(conversation, selected: index == state.list.selectedIndex, focused: focused, state: state, row: row, rect: body, grid: &grid)
        }
    }

    /// First run: no config and nothing stored yet — say where the config goes and how to
    /// try the inbox with sample data.
    static func firstRun(_ path: String, in body: Rect, grid: inout ScreenGrid) {
        let lines = [
            ("Welcome to Switchboard.", CellStyle(.normal, bold: true)),
            ("", CellStyle(.dim)),
            ("No config yet. It goes here:", CellStyle(.normal)),
            ("  " + TerminalSafeText.field(path), CellStyle(.compose, bold: true)),
            ("", CellStyle(.dim)),
            ("Try it with sample data first:", CellStyle(.normal)),
            ("  switchboard demo", CellStyle(.compose, bold: true)),
            ("What is missing for real traffic:", CellStyle(.normal)),
            ("  switchboard check", CellStyle(.compose, bold: true)),
            ("", CellStyle(.dim)),
            ("q quits.", CellStyle(.dim)),
        ]
        var row = body.row
        for line in lines {
            for piece in line.0.isEmpty ? [""] : TextWrapping.wrap(line.0, width: max(1, body.width - 2)) where row < body.bottom {
                grid.put(" " + piece, row: row, col: body.col, maxWidth: body.width, style: line.1)
                row += 1
            }
        }
    }

    /// `Open 12 · unread only — Mine 3 · Unassigned 5 · Snoozed 1 · Resolved 4 · All 25`: the
    /// current view first, with its count, then the others (cut when narrow).
    static func header(_ state: InboxState) -> String {
        let views = state.status.counts.views
        func named(_ view: ConversationView) -> String {
            let count = views[view] ?? (view == .all && state.status.counts.conversations > 0 ? state.status.counts.conversations : nil)
            return count.map { "\(view.title) \($0)" } ?? view.title
        }
        var title = named(state.list.view)
        if state.list.unreadOnly { title += " · unread only" }
        let others = ConversationView.allCases.filter { $0 != state.list.view }.map(named)
        return title + " — " + others.joined(separator: " · ")
    }

    /// `4h left`, `12m left` or `closed`: how long the 24-hour service window stays open.
    static func windowLeft(_ c: Conversation, now: Double) -> (String, StyleRole)? {
        guard let closes = c.windowClosesAt?.timeIntervalSince1970 else { return nil }
        let left = closes - now
        if left <= 0 { return ("closed", .dim) }
        let text = left >= 3600 ? "\(Int(left / 3600))h left" : "\(max(1, Int(left / 60)))m left"
        return (text, left < 2 * 3600 ? .warning : .dim)
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

    /// `  ✗ ✎ you: preview …  demo-meta · 4h left`: failed send, draft, who spoke last, the
    /// channel (when several are configured) and the service window.
    static func drawSecondLine(_ c: Conversation, state: InboxState, row: Int, rect: Rect, grid: inout ScreenGrid) {
        var right = ""
        if state.showsChannels { right += TerminalSafeText.field(c.channel, limit: 16) }
        let window = windowLeft(c, now: state.now)
        if let window { right += (right.isEmpty ? "" : " · ") + window.0 }
        if !right.isEmpty { right += " " }
        var col = rect.col + 2
        grid.put("  ", row: row, col: rect.col, maxWidth: rect.width)
        if c.lastSendFailed { col += grid.put("✗ ", row: row, col: col, maxWidth: rect.right - col, style: CellStyle(.failed, bold: true)) }
        if c.hasDraft { col += grid.put("✎ ", row: row, col: col, maxWidth: rect.right - col, style: CellStyle(.pending)) }
        let rightWidth = DisplayWidth.of(right)
        let previewWidth = max(0, rect.right - col - rightWidth - 1)
        let who = c.lastDirection == .outbound ? "you: " : ""
        let preview = TextClipping.pad(TextClipping.truncate(who + TerminalSafeText.field(c.preview ?? ""), to: previewWidth), to: previewWidth)
        col += grid.put(preview + " ", row: row, col: col, maxWidth: rect.right - col, style: CellStyle(.dim))
        guard rightWidth > 0, col + rightWidth <= rect.right else { return }
        if let window, state.showsChannels {
            let channel = TerminalSafeText.field(c.channel, limit: 16) + " · "
            col += grid.put(channel, row: row, col: col, maxWidth: rect.right - col, style: CellStyle(.dim))
            grid.put(window.0 + " ", row: row, col: col, maxWidth: rect.right - col, style: CellStyle(window.1))
        } else {
            grid.put(right, row: row, col: col, maxWidth: rect.right - col, style: CellStyle(window?.1 ?? .dim))
        }
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
        drawSecondLine(c, state: state, row: row + 1, rect: rect, grid: &grid)
        if selected {
            let role: StyleRole = focused ? .selection : .selectionUnfocused
            grid.restyle(Rect(row: row, col: rect.col, width: rect.width, height: InboxLayout.rowsPerConversation), style: CellStyle(role, bold: unread))
        }
    }
}
