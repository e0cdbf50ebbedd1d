import Store
import TerminalText

/// Search hits, newest first: date, contact, the message text.
enum SearchResultsView {
    static func draw(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        guard rect.height > 0, rect.width > 0 else { return }
        let query = TerminalSafeText.make(state.search.query)
        InboxView.title("Search \"\(query)\" · \(state.search.results.count)", in: rect, grid: &grid, focused: true)
        let body = Rect(row: rect.row + 1, col: rect.col, width: rect.width, height: rect.height - 1)
        guard !state.search.results.isEmpty else {
            grid.put(" no messages found", row: body.row, col: body.col, maxWidth: body.width, style: CellStyle(.dim))
            return
        }
        // Keep the selected hit on screen.
        let first = max(0, state.search.selectedIndex - body.height + 1)
        for (offset, hit) in state.search.results[first...].prefix(body.height).enumerated() {
            let index = first + offset
            let row = body.row + offset
            let when = state.time.relative(hit.timestamp, now: state.now)
            let who = TextClipping.truncate(TerminalSafeText.field(hit.contactName), to: 18)
            let arrow = hit.direction == .outbound ? "→" : "←"
            let line = " \(TextClipping.pad(when, to: 6)) \(TextClipping.pad(who, to: 18)) \(arrow) " + TerminalSafeText.field(hit.text)
            let selected = index == state.search.selectedIndex
            grid.put(line, row: row, col: body.col, maxWidth: body.width, style: CellStyle(selected ? .selection : .normal))
            if selected { grid.restyle(Rect(row: row, col: body.col, width: body.width, height: 1), style: CellStyle(.selection)) }
        }
    }
}
