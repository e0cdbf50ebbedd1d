/// One terminal column. A wide grapheme (CJK, emoji) occupies its cell plus a continuation
/// cell to its right, so every row always has exactly `width` columns.
public struct Cell: Sendable, Hashable {
    /// The grapheme cluster drawn here; empty for the right half of a wide cluster.
    public var grapheme: String
    /// Columns the grapheme occupies (1 or 2); 0 marks a continuation cell.
    public var width: Int
    public var style: CellStyle

    public init(grapheme: String, width: Int, style: CellStyle) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space in the given style.
    public static func blank(_ style: CellStyle = .normal) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// The right half of a wide grapheme.
    static func continuation(_ style: CellStyle) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}
