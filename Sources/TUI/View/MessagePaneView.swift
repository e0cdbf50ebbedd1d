import Identity
import Store
import TerminalText

/// The history of the conversation on screen, newest at the bottom.
enum MessagePaneView {
    static func draw(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        guard rect.height > 0, rect.width > 0 else { return }
        let focused = state.focus == .messages && state.mode == .browse
        guard let conversation = state.messages.conversation else {
            InboxView.title("Messages", in: rect, grid: &grid, focused: focused)
            grid.put(" No conversation selected", row: rect.row + 1, col: rect.col, maxWidth: rect.width, style: CellStyle(.dim))
            return
        }
        var title = TerminalSafeText.field(conversation.displayName) + " · " + TerminalSafeText.field(conversation.channel)
        if let id = conversation.address?.value, id != conversation.displayName, "+" + id != conversation.displayName { title += " · " + TerminalSafeText.make(id) }
        if !state.messages.composing.isEmpty {
            title += " · " + state.messages.composing.map { TerminalSafeText.field($0, limit: 16) }.joined(separator: ", ") + " replying…"
        }
        InboxView.title(title, in: rect, grid: &grid, focused: focused)

        let body = Rect(row: rect.row + 1, col: rect.col, width: rect.width, height: rect.height - 1)
        let lines = MessageLines.build(pane: state.messages, width: body.width - 1, time: state.time, now: state.now)
        let end = max(0, lines.count - state.messages.scroll)
        let start = max(0, end - body.height)
        // Bottom-aligned: a short history sits just above the compose line, like a chat.
        var row = body.bottom - (end - start)
        if start == 0, state.messages.hasOlder, row > body.row {
            grid.put(" ↑ older messages", row: row - 1, col: body.col, maxWidth: body.width, style: CellStyle(.dim))
        }
        let words = state.search.active.map(MatchHighlight.words) ?? []
        for line in lines[start..<end] {
            draw(line, row: row, rect: body, grid: &grid)
            if !words.isEmpty, line.kind == .text {
                for span in MatchHighlight.spans(of: words, in: line.text) {
                    grid.restyle(Rect(row: row, col: body.col + 1 + MessageLines.gutterWidth + span.column, width: span.width, height: 1),
                                 style: CellStyle(.match, bold: true))
                }
            }
            row += 1
        }
        if state.messages.scroll > 0 {
            let marker = " ↓ \(state.messages.scroll) more "
            grid.put(marker, row: body.bottom - 1, col: body.right - DisplayWidth.of(marker), style: CellStyle(.dim, bold: true))
        }
    }

    static func draw(_ line: MessageLine, row: Int, rect: Rect, grid: inout ScreenGrid) {
        let col = rect.col + 1
        let width = rect.width - 1
        switch line.kind {
        case .daySeparator:
            grid.put(line.text, row: row, col: col, maxWidth: width, style: line.style)
        case .system:
            grid.put(line.gutter, row: row, col: col, maxWidth: MessageLines.gutterWidth, style: CellStyle(.dim))
            grid.put(line.text, row: row, col: col + MessageLines.gutterWidth, maxWidth: width - MessageLines.gutterWidth, style: line.style)
        case .text:
            grid.put(line.gutter, row: row, col: col, maxWidth: MessageLines.gutterWidth, style: CellStyle(.dim))
            grid.put(line.text, row: row, col: col + MessageLines.gutterWidth, maxWidth: width - MessageLines.gutterWidth, style: line.style)
            if let trailer = line.trailer {
                let w = DisplayWidth.of(trailer)
                grid.put(trailer, row: row, col: rect.right - w, maxWidth: w, style: line.trailerStyle)
            }
        }
    }
}
