import Store
import TerminalText

/// The template picker over the panes: every configured template with its category,
/// language and parameters; then the parameter being filled; then the exact request.
enum TemplatePickerView {
    static func lines(_ state: InboxState, width: Int) -> [(String, CellStyle)] {
        guard let picker = state.picker else { return [] }
        var lines: [(String, CellStyle)] = []
        let name = TerminalSafeText.field(picker.conversation.displayName)
        guard picker.loaded else { return [(" loading templates…", CellStyle(.dim))] }
        guard !picker.choices.isEmpty else {
            return [(" No templates are configured: add [[template]] entries to the config.", CellStyle(.dim))]
        }
        for (index, choice) in picker.choices.enumerated() {
            let marker = index == picker.selected ? ">" : " "
            let parameters = choice.parameters.isEmpty ? "no parameters" : choice.parameters.joined(separator: ", ")
            var text = "\(marker) \(TerminalSafeText.field(choice.name))  \(choice.category)  \(TerminalSafeText.field(choice.language))  (\(TerminalSafeText.field(parameters)))"
            if let why = choice.unavailable { text += " — \(why)" }
            let style = index == picker.selected ? CellStyle(.selection) : CellStyle(choice.unavailable == nil ? .normal : .dim)
            lines += TextWrapping.wrap(text, width: width).map { ($0, style) }
        }
        lines.append(("", CellStyle(.normal)))
        guard let choice = picker.choice else { return lines }
        for (index, value) in picker.values.enumerated() where index < choice.parameters.count {
            lines.append(("  \(TerminalSafeText.field(choice.parameters[index])): \(TerminalSafeText.field(value))", CellStyle(.compose)))
        }
        switch picker.stage {
        case .choose:
            lines.append((" j/k choose · Enter fill in · Esc back to the text", CellStyle(.dim)))
        case .fill(let index):
            lines.append((" \(index + 1) of \(choice.parameters.count): type the \(TerminalSafeText.field(choice.parameters[index])) below, Enter", CellStyle(.dim)))
        case .confirm:
            switch picker.preview {
            case .ready(let route, let request)?:
                lines.append((" To \(name) · \(route.summary)", CellStyle(.compose, bold: true)))
                lines.append((" Exactly this request is sent:", CellStyle(.dim)))
                lines += TextWrapping.wrap(TerminalSafeText.make(request, lines: .keep), width: max(1, width - 2)).map { ("  " + $0, CellStyle(.normal)) }
                lines.append((" Enter sends it · Esc goes back", CellStyle(.compose, bold: true)))
            case .refused(let refusal)?:
                lines.append((" ✗ \(TerminalSafeText.field(refusal.message)) (\(refusal.code)): nothing is sent · Esc goes back", CellStyle(.refusal, bold: true)))
            case .unavailable(let why)?:
                lines.append((" ✗ \(TerminalSafeText.field(why)) · Esc goes back", CellStyle(.refusal, bold: true)))
            case nil:
                lines.append((" preparing the request…", CellStyle(.dim)))
            }
        }
        return lines
    }

    static func draw(_ state: InboxState, in area: Rect, grid: inout ScreenGrid) {
        guard let picker = state.picker else { return }
        let width = min(area.width, 100)
        let body = lines(state, width: width - 2)
        let height = min(area.height, body.count + 2)
        guard width >= 20, height >= 3 else { return }
        let box = Rect(row: area.row + max(0, (area.height - height) / 2), col: area.col + (area.width - width) / 2, width: width, height: height)
        grid.fill(box, style: CellStyle(.normal))
        let title = "Template for \(TerminalSafeText.field(picker.conversation.displayName)) via \(TerminalSafeText.field(picker.conversation.channel))"
        InboxView.title(title, in: Rect(row: box.row, col: box.col, width: box.width, height: 1), grid: &grid, focused: true)
        // Keep the end (the stage being worked on) in view when the list is long.
        let visible = box.height - 2
        for (i, line) in body.suffix(visible).enumerated() {
            grid.put(" " + line.0, row: box.row + 1 + i, col: box.col, maxWidth: box.width - 1, style: line.1)
        }
        InboxView.frame(box, grid: &grid)
    }

    /// The bottom line: the parameter being typed, or what the keys do.
    static func drawBottom(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        guard let picker = state.picker, let choice = picker.choice else {
            grid.put(" Esc back", row: rect.row, col: rect.col, maxWidth: rect.width, style: CellStyle(.dim))
            return
        }
        switch picker.stage {
        case .fill(let index):
            BottomLineView.input("\(TerminalSafeText.field(choice.parameters[index])): ", picker.input.text, in: rect, grid: &grid)
        case .choose:
            grid.put(" template: j/k choose · Enter fill in · Esc back", row: rect.row, col: rect.col, maxWidth: rect.width, style: CellStyle(.dim))
        case .confirm:
            grid.put(" Enter sends the request shown · Esc goes back", row: rect.row, col: rect.col, maxWidth: rect.width, style: CellStyle(.compose, bold: true))
        }
    }
}
