import Store
import TerminalText

/// The compose area: who the reply goes to (name, identifier, channel — wrapped when narrow,
/// the name and channel cut last), then the draft over as many rows as it needs (up to
/// `maxDraftRows`), with the cursor and a counter against WhatsApp's 4,096 characters.
enum ComposeView {
    static let maxPlanRows = 3
    static let maxDraftRows = 5
    static let prompt = "> "

    struct Line {
        var text: String
        var style: CellStyle
    }

    /// The plan, as rows of the given width.
    static func planLines(_ state: InboxState, width: Int) -> [Line] {
        guard let conversation = state.compose.conversation, width > 0 else { return [] }
        var lines: [Line] = []
        if !state.messages.composing.isEmpty, state.messages.conversation?.id == conversation.id {
            let names = state.messages.composing.map { TerminalSafeText.field($0, limit: 16) }.joined(separator: ", ")
            let verb = state.messages.composing.count == 1 ? "is" : "are"
            lines.append(Line(text: TextClipping.truncate(" \(names) \(verb) replying…", to: width), style: CellStyle(.warning, bold: true)))
        }
        let name = TerminalSafeText.field(conversation.displayName, limit: 40)
        let channel = TerminalSafeText.field(conversation.channel)
        let candidates: [String]
        var style = CellStyle(.compose)
        if let refusal = InboxUpdate.refusal(state) {
            style = CellStyle(.refusal, bold: true)
            let why = TerminalSafeText.field(refusal.message)
            candidates = ["\(name) via \(channel) · ✗ \(why) · Ctrl-T template · Tab other channel · Esc keeps the draft",
                          "\(name) via \(channel) · ✗ \(why)", "\(name) via \(channel) · ✗ \(refusal.code)"]
        } else {
            switch state.compose.preview {
            case .ready(let route)? where state.compose.asksPhone:
                let id = TerminalSafeText.field(route.identifierValue)
                let via = "via \(TerminalSafeText.field(route.channel))/\(route.provider)"
                candidates = ["\(name) · ask for the phone · to \(id) \(via) · type the ask or leave it empty for the default · Enter sends",
                              "\(name) · ask for the phone · to \(id) \(via)", "\(name) · ask for the phone \(via)"]
            case .ready(let route)?:
                let id = TerminalSafeText.field(route.identifierValue)
                let via = "via \(TerminalSafeText.field(route.channel))/\(route.provider)"
                let full = "\(name) · to \(id) (\(route.kindLabel), \(TerminalSafeText.field(route.reason))) \(via)"
                candidates = [full + " · Enter sends · Alt-Enter newline · Esc keeps the draft · Ctrl-T template",
                              full, "\(name) · to \(id) \(via)", "\(name) \(via)"]
            case .unavailable(let why)?:
                style = CellStyle(.refusal)
                candidates = ["\(name) via \(channel) · cannot plan a reply: \(TerminalSafeText.field(why))"]
            case .refused, nil:
                style = CellStyle(.dim)
                candidates = ["\(name) via \(channel) · planning reply…"]
            }
        }
        let rows = max(1, maxPlanRows - lines.count)
        let fitting = candidates.lazy.map { TextWrapping.wrap(" " + $0, width: width) }.first { $0.count <= rows }
            ?? Array(TextWrapping.wrap(" " + (candidates.last ?? ""), width: width).prefix(rows))
        return lines + fitting.map { Line(text: $0, style: style) }
    }

    /// The draft cut into rows of `width` columns (after the prompt), and where the cursor is.
    static func draftRows(_ editor: LineEditor, width: Int) -> (rows: [String], cursorRow: Int, cursorCol: Int) {
        let safeWidth = max(1, width)
        func rows(_ text: String) -> [String] {
            var result: [String] = []
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var row = ""
                var used = 0
                for cluster in TerminalSafeText.make(String(paragraph)) {
                    let w = DisplayWidth.of(String(cluster))
                    if used + w > safeWidth, !row.isEmpty {
                        result.append(row)
                        row = ""
                        used = 0
                    }
                    row.append(cluster)
                    used += w
                }
                result.append(row)
            }
            return result
        }
        let all = rows(editor.text)
        let before = rows(String(editor.text.prefix(editor.cursor)))
        var cursorRow = max(0, before.count - 1)
        var cursorCol = DisplayWidth.of(before.last ?? "")
        if cursorCol >= safeWidth {   // at the very end of a full row: the cursor starts the next
            cursorRow += 1
            cursorCol = 0
        }
        return (all.isEmpty ? [""] : all, cursorRow, cursorCol)
    }

    /// Rows the compose area needs at this width.
    static func height(_ state: InboxState, width: Int) -> Int {
        let plan = planLines(state, width: width).count
        let draft = draftRows(state.compose.editor, width: width - DisplayWidth.of(prompt) - counterWidth)
        return plan + min(maxDraftRows, max(draft.rows.count, draft.cursorRow + 1))
    }

    static let counterWidth = 11   // " 4096/4096 "

    static func draw(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        let plan = planLines(state, width: rect.width)
        var row = rect.row
        for line in plan where row < rect.bottom {
            grid.put(line.text, row: row, col: rect.col, maxWidth: rect.width, style: line.style)
            row += 1
        }
        guard row < rect.bottom else { return }
        let promptWidth = DisplayWidth.of(prompt)
        let textWidth = max(1, rect.width - promptWidth - counterWidth)
        let draft = draftRows(state.compose.editor, width: textWidth)
        let visible = min(maxDraftRows, rect.bottom - row)
        let first = max(0, draft.cursorRow - visible + 1)
        let editor = state.compose.editor
        let counter = "\(editor.count)/\(LineEditor.limit) "
        grid.put(counter, row: row, col: rect.right - DisplayWidth.of(counter), style: CellStyle(editor.isOverLimit ? .refusal : .dim, bold: editor.isOverLimit))
        for index in first..<min(first + visible, max(draft.rows.count, draft.cursorRow + 1)) {
            let y = row + index - first
            grid.put(index == 0 ? prompt : "  ", row: y, col: rect.col, maxWidth: rect.width, style: CellStyle(.compose, bold: true))
            let text = draft.rows.indices.contains(index) ? draft.rows[index] : ""
            grid.put(text, row: y, col: rect.col + promptWidth, maxWidth: textWidth, style: CellStyle(.compose))
            if index == draft.cursorRow {
                let x = rect.col + promptWidth + draft.cursorCol
                let under = grid[y, x]
                grid.restyle(Rect(row: y, col: x, width: max(1, under.width), height: 1), style: CellStyle(.selection))
            }
        }
    }
}
