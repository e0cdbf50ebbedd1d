import TerminalText

/// Renders the whole state into a fresh grid: panes per the layout, then the bottom line,
/// the status bar and any overlay. Pure; the backend only copies the result to the screen.
public enum InboxView {
    public static func render(_ state: InboxState) -> ScreenGrid {
        var grid = ScreenGrid(size: state.size)
        let layout = InboxLayout.make(state)
        for col in layout.separators {
            for row in 0..<layout.mainHeight {
                grid.put("│", row: row, col: col, style: CellStyle(.border))
            }
        }
        let showResults = state.mode == .searchResults
        if let rect = layout.list {
            if showResults && layout.messages == nil && layout.identity == nil {
                SearchResultsView.draw(state, in: rect, grid: &grid)
            } else {
                ConversationListView.draw(state, in: rect, grid: &grid)
            }
        }
        if let rect = layout.messages {
            if showResults {
                SearchResultsView.draw(state, in: rect, grid: &grid)
            } else {
                MessagePaneView.draw(state, in: rect, grid: &grid)
            }
        }
        if let rect = layout.identity {
            if showResults && layout.messages == nil {
                SearchResultsView.draw(state, in: rect, grid: &grid)
            } else {
                IdentityPaneView.draw(state, in: rect, grid: &grid)
            }
        }
        BottomLineView.draw(state, in: layout.bottom, grid: &grid)
        StatusBarView.draw(state, in: layout.status, grid: &grid)
        let overlay = Rect(row: 0, col: 0, width: state.size.columns, height: layout.mainHeight)
        if state.mode == .help { HelpView.draw(state, in: overlay, grid: &grid) }
        if state.mode == .messageDetails { MessageDetailView.draw(state, in: overlay, grid: &grid) }
        if state.mode == .templatePicker { TemplatePickerView.draw(state, in: overlay, grid: &grid) }
        return grid
    }

    /// The sides and bottom of an overlay box whose first row is its title.
    static func frame(_ box: Rect, grid: inout ScreenGrid) {
        guard box.width >= 2, box.height >= 2 else { return }
        let style = CellStyle(.border)
        for row in (box.row + 1)..<(box.bottom - 1) {
            grid.put("│", row: row, col: box.col, style: style)
            grid.put("│", row: row, col: box.right - 1, style: style)
        }
        grid.put("└" + String(repeating: "─", count: box.width - 2) + "┘", row: box.bottom - 1, col: box.col, style: style)
    }

    /// A pane's title row: text on the title style across the whole width.
    static func title(_ text: String, in rect: Rect, grid: inout ScreenGrid, focused: Bool) {
        guard rect.height > 0 else { return }
        let style = CellStyle(.title, bold: focused)
        grid.fill(Rect(row: rect.row, col: rect.col, width: rect.width, height: 1), style: style)
        grid.put(" " + TextClipping.truncate(text, to: max(0, rect.width - 2)), row: rect.row, col: rect.col, maxWidth: rect.width, style: style)
    }
}
