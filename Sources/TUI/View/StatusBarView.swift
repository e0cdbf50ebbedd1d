import Store
import TerminalText

/// The last line: store, counts, last event time; the last error or a notice on the right.
enum StatusBarView {
    static func draw(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        guard rect.height > 0, rect.width > 0 else { return }
        let style = CellStyle(.statusBar)
        grid.fill(rect, style: style)
        let counts = state.status.counts
        // Counts first: on a narrow terminal the store name is what gets cut.
        var left = " \(counts.conversations) conv · \(counts.unreadConversations) unread"
        if let last = counts.lastEventAt {
            left += " · event \(state.time.relative(last, now: state.now))"
        }
        left += " · " + TerminalSafeText.make(state.status.storeName)
        var right = ""
        var rightStyle = style
        if let error = state.status.lastError {
            right = "  ! " + TerminalSafeText.make(error) + " "
            rightStyle = CellStyle(.statusError, bold: true)
        } else if let notice = state.status.notice {
            right = "  " + TerminalSafeText.make(notice) + " "
        }
        let rightWidth = min(DisplayWidth.of(right), max(0, rect.width - min(DisplayWidth.of(left), rect.width / 2)))
        let leftWidth = rect.width - rightWidth
        grid.put(left, row: rect.row, col: rect.col, maxWidth: leftWidth, style: style)
        if rightWidth > 0 {
            grid.put(TextClipping.truncate(right, to: rightWidth), row: rect.row, col: rect.right - rightWidth, maxWidth: rightWidth, style: rightStyle)
        }
    }
}
