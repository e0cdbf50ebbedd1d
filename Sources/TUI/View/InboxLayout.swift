/// Where each pane goes for a terminal size. Wide terminals show list and messages side by
/// side (identity details as a third column from 120 columns, else over the messages);
/// narrow ones (down to 40×12) show one pane at a time, the focused one.
public struct InboxLayout: Sendable, Hashable {
    public var list: Rect?
    public var messages: Rect?
    public var identity: Rect?
    /// Compose, search, command line or key hints: one row; compose takes the rows it needs.
    public var bottom: Rect
    public var status: Rect
    /// Columns drawn as vertical separators between panes.
    public var separators: [Int]
    public var mainHeight: Int

    /// Widths from which panes sit side by side.
    static let twoPaneMinWidth = 80
    static let threePaneMinWidth = 120

    public static func make(size: TerminalSize, focus: InboxState.Focus, identityVisible: Bool, composeRows: Int? = nil) -> InboxLayout {
        let cols = size.columns
        let rows = size.rows
        let status = Rect(row: rows - 1, col: 0, width: cols, height: rows > 0 ? 1 : 0)
        // Compose takes what it needs, but the panes keep at least half the screen.
        let bottomHeight = rows >= 4 ? min(max(1, composeRows ?? 1), max(2, (rows - 1) / 2)) : 0
        let bottom = Rect(row: max(0, rows - 1 - bottomHeight), col: 0, width: cols, height: bottomHeight)
        let mainHeight = max(0, rows - 1 - bottomHeight)
        var layout = InboxLayout(list: nil, messages: nil, identity: nil, bottom: bottom, status: status, separators: [], mainHeight: mainHeight)
        guard mainHeight > 0, cols > 0 else { return layout }

        if cols < twoPaneMinWidth {
            let whole = Rect(row: 0, col: 0, width: cols, height: mainHeight)
            if identityVisible {
                layout.identity = whole
            } else if focus == .list {
                layout.list = whole
            } else {
                layout.messages = whole
            }
            return layout
        }
        let listWidth = min(48, max(28, cols * 35 / 100))
        layout.list = Rect(row: 0, col: 0, width: listWidth, height: mainHeight)
        layout.separators.append(listWidth)
        let rightCol = listWidth + 1
        let rightWidth = cols - rightCol
        if identityVisible && cols >= threePaneMinWidth {
            let identityWidth = 40
            let messagesWidth = rightWidth - identityWidth - 1
            layout.messages = Rect(row: 0, col: rightCol, width: messagesWidth, height: mainHeight)
            layout.separators.append(rightCol + messagesWidth)
            layout.identity = Rect(row: 0, col: rightCol + messagesWidth + 1, width: identityWidth, height: mainHeight)
        } else if identityVisible {
            layout.identity = Rect(row: 0, col: rightCol, width: rightWidth, height: mainHeight)
        } else {
            layout.messages = Rect(row: 0, col: rightCol, width: rightWidth, height: mainHeight)
        }
        return layout
    }

    /// The layout for a state.
    public static func make(_ state: InboxState) -> InboxLayout {
        make(size: state.size, focus: state.focus, identityVisible: state.identity.visible,
             composeRows: state.mode == .compose ? ComposeView.height(state, width: state.size.columns) : nil)
    }

    /// Lines each conversation takes in the list (name line + preview line).
    public static let rowsPerConversation = 2

    /// Conversations that fit in the list pane below its title (the list is measured even
    /// when a narrow terminal shows another pane, so the window survives switching).
    public static func conversationsVisible(size: TerminalSize) -> Int {
        let mainHeight = max(0, size.rows - 2)
        return max(1, (mainHeight - 1) / rowsPerConversation)
    }

    /// Text width and body height of the message pane (without margin and title row), measured as if it
    /// were shown, so scrolling math works in any layout.
    public static func messageBody(_ state: InboxState) -> (width: Int, height: Int) {
        var probe = state
        probe.focus = .messages
        let layout = make(probe)
        guard let rect = layout.messages ?? layout.identity else { return (0, 0) }
        let width = layout.messages?.width ?? rect.width
        // One column of left margin; the title takes the first row.
        return (max(0, width - 1), max(0, rect.height - 1))
    }
}
