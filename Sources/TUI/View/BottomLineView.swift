import Store
import TerminalText

/// The line above the status bar: compose (plan + text), search or command input, or hints.
enum BottomLineView {
    static func draw(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        guard rect.height > 0, rect.width > 0 else { return }
        switch state.mode {
        case .compose:
            ComposeView.draw(state, in: rect, grid: &grid)
        case .templatePicker:
            TemplatePickerView.drawBottom(state, in: rect, grid: &grid)
        case .searchInput:
            input("/", state.search.query, in: rect, grid: &grid)
        case .commandLine:
            input(":", state.commandLine, in: rect, grid: &grid)
        case .searchResults:
            let query = TerminalSafeText.make(state.search.query)
            let found = state.search.conversations.count + state.search.results.count
            let text = " search \"\(query)\": \(SearchResultsView.counted(found, "result")) · Enter open · / new search · Esc close"
            grid.put(text, row: rect.row, col: rect.col, maxWidth: rect.width, style: CellStyle(.dim))
        case .prompt:
            drawPrompt(state, in: rect, grid: &grid)
        case .messageDetails:
            grid.put(" j/k previous/next message · any other key closes", row: rect.row, col: rect.col, maxWidth: rect.width, style: CellStyle(.dim))
        case .browse, .help:
            if let active = state.search.active {
                let text = " search \"\(TerminalSafeText.make(active))\" · n next · N previous · / new search · Esc ends"
                grid.put(text, row: rect.row, col: rect.col, maxWidth: rect.width, style: CellStyle(.dim))
            } else {
                grid.put(hints(state), row: rect.row, col: rect.col, maxWidth: rect.width, style: CellStyle(.dim))
            }
        }
    }

    /// A triage question, naming the conversation it is about.
    static func drawPrompt(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        guard let prompt = state.prompt else { return }
        let name = TerminalSafeText.field(prompt.conversation.displayName, limit: 24)
        switch prompt.kind {
        case .snoozeChoice:
            let choices = SnoozeTime.Choice.allCases.enumerated().map { "\($0.offset + 1) \($0.element.rawValue)" }
            let text = " snooze \(name): " + (choices + ["t type a time", "Esc cancel"]).joined(separator: " · ")
            grid.put(text, row: rect.row, col: rect.col, maxWidth: rect.width, style: CellStyle(.compose, bold: true))
        case .snoozeTime:
            input("snooze \(name) until (30m, 4h, 2d, ISO time): ", prompt.text, in: rect, grid: &grid)
        case .assignTo:
            input("assign \(name) to (empty: nobody): ", prompt.text, in: rect, grid: &grid)
        case .note:
            input("note on \(name): ", prompt.text, in: rect, grid: &grid)
        }
    }

    static func hints(_ state: InboxState) -> String {
        let keymap = state.keymap
        func key(_ action: Action) -> String { keymap.keys(for: action).first(where: { $0.name.count == 1 })?.name ?? keymap.keys(for: action).first?.name ?? "?" }
        let parts: [(Action, String)] = [(.help, "help"), (.reply, "reply"), (.resolve, "resolve"), (.snooze, "snooze"),
                                         (.assignMe, "assign"), (.cycleView, "view"), (.identity, "identity"), (.search, "search"), (.quit, "quit")]
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
}
