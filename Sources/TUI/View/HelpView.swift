import TerminalText

/// `?`: every action with its keys, from the live keymap (so remapped keys show correctly).
enum HelpView {
    static func draw(_ state: InboxState, in area: Rect, grid: inout ScreenGrid) {
        let entries = Action.allCases.map { action -> (String, String) in
            let keys = state.keymap.keys(for: action).map(\.name).joined(separator: " ")
            return (keys.isEmpty ? "(unbound)" : keys, action.summary)
        }
        let extra = [("", ""), ("in compose", "Enter send · Esc cancel (keeps draft) · 1-9 template"),
                     ("in messages", "Enter: details of the newest message on screen"),
                     ("commands", ":q  :export PATH  :search TEXT  :unread")]
        let all = entries + extra
        let keyWidth = min(22, all.map { DisplayWidth.of($0.0) }.max() ?? 0)
        var width = min(area.width, max(40, keyWidth + 2 + (all.map { DisplayWidth.of($0.1) }.max() ?? 0) + 4))
        if width >= area.width - 2 { width = area.width }   // no sliver of the screen beside the box
        let height = min(area.height, all.count + 3)
        guard width >= 10, height >= 3 else { return }
        let box = Rect(row: area.row + (area.height - height) / 2, col: area.col + (area.width - width) / 2, width: width, height: height)
        grid.fill(box, style: CellStyle(.normal))
        let visible = box.height - 2
        let scroll = min(state.help.scroll, max(0, all.count - visible))
        let more = all.count > visible ? " · j/k scroll \(scroll + visible)/\(all.count)" : ""
        InboxView.title("Keys (Esc closes)\(more)", in: Rect(row: box.row, col: box.col, width: box.width, height: 1), grid: &grid, focused: true)
        InboxView.frame(box, grid: &grid)
        for (i, entry) in all.dropFirst(scroll).prefix(visible).enumerated() {
            let row = box.row + 1 + i
            grid.put(TextClipping.pad(entry.0, to: keyWidth), row: row, col: box.col + 1, maxWidth: keyWidth, style: CellStyle(.title, bold: true))
            grid.put("  " + entry.1, row: row, col: box.col + 1 + keyWidth, maxWidth: box.width - keyWidth - 2)
        }
    }
}
