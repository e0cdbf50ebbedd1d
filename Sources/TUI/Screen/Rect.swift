/// A rectangle of the screen in cells; panes are laid out as rects.
public struct Rect: Sendable, Hashable {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(row: 0, col: 0, width: 0, height: 0)

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var bottom: Int { row + height }
    public var right: Int { col + width }

    /// The rect shrunk by `by` cells on every side.
    public func inset(_ by: Int) -> Rect {
        Rect(row: row + by, col: col + by, width: width - 2 * by, height: height - 2 * by)
    }
}

/// Terminal size in cells.
public struct TerminalSize: Sendable, Hashable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }
}
