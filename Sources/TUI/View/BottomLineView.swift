import TerminalText

/// The line above the status bar: compose (plan + text), search or command input, or hints.
enum BottomLineView {
    static func draw(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        guard rect.height > 0, rect.width > 0 else { return }
        switch state.mode {
        case .compose:
            drawCompose(state, in: rect, grid: &grid)
        case .searchInput:
            input("/", state.search.query, in: rect, grid: &grid)
        case .commandLine:
            input(":", state.commandLine, in: rect, grid: &grid)
        case .searchResults:
            let query = TerminalSafeText.make(state.search.query)
            let text = " search \"\(query)\": \(state.search.results.count) results · Enter open · / new search · Esc close"
            grid.put(text, row: rect.row, col: rect.col, maxWidth: rect.width, style: CellStyle(.dim))
        case .browse, .help:
            grid.put(hints(state), row: rect.row, col: rect.col, maxWidth: rect.width, style: CellStyle(.dim))
        }
    }

    static func hints(_ state: InboxState) -> String {
        let keymap = state.keymap
        func key(_ action: Action) -> String { keymap.keys(for: action).first(where: { $0.name.count == 1 })?.name ?? keymap.keys(for: action).first?.name ?? "?" }
        let parts: [(Action, String)] = [(.help, "help"), (.reply, "reply"), (.identity, "identity"), (.search, "search"), (.unreadOnly, "unread"), (.quit, "quit")]
        return " " + parts.map { "\(key($0.0)) \($0.1)" }.joined(separator: "  ")
    }

    /// A text field: prompt, the tail of the text that fits, a cursor block.
    static func input(_ prompt: String, _ text: String, in rect: Rect, grid: inout ScreenGrid, row: Int? = nil) {
        let y = row ?? rect.row
        let safe = TerminalSafeText.make(text)
        let visible = TextClipping.suffix(safe, width: max(0, rect.width - DisplayWidth.of(prompt) - 2))
        var col = rect.col
        col += grid.put(prompt, row: y, col: col, maxWidth: rect.width, style: CellStyle(.compose, bold: true))
        col += grid.put(visible, row: y, col: col, maxWidth: rect.right - col, style: CellStyle(.compose))
        grid.put(" ", row: y, col: col, maxWidth: rect.right - col, style: CellStyle(.selection))
    }

    static func drawCompose(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        let planRow = rect.row
        if let refusal = InboxUpdate.refusal(state) {
            var text = " ✗ " + refusal.message
            if !refusal.templates.isEmpty && state.compose.text.isEmpty {
                text += " — templates: " + refusal.templates.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "  ")
            }
            grid.put(text, row: planRow, col: rect.col, maxWidth: rect.width, style: CellStyle(.refusal, bold: true))
        } else {
            switch state.compose.preview {
            case .ready(let route)?:
                grid.put(" " + TerminalSafeText.make(route.summary) + " · Enter sends · Esc cancels", row: planRow, col: rect.col, maxWidth: rect.width, style: CellStyle(.compose))
            case .unavailable(let why)?:
                grid.put(" cannot plan a reply: " + why, row: planRow, col: rect.col, maxWidth: rect.width, style: CellStyle(.refusal))
            case .refused, nil:
                grid.put(" planning reply…", row: planRow, col: rect.col, maxWidth: rect.width, style: CellStyle(.dim))
            }
        }
        if rect.height > 1 {
            input("> ", state.compose.text, in: rect, grid: &grid, row: rect.row + 1)
        }
    }
}
