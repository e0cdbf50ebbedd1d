import TerminalText

/// The screen model: a grid of cells the view draws into and the backend copies to the
/// terminal. Tests read it back as text, so nothing about layout needs a real terminal.
public struct ScreenGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank()) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public init(size: TerminalSize) {
        self.init(width: size.columns, height: size.rows)
    }

    public subscript(row: Int, col: Int) -> Cell {
        cells[row * width + col]
    }

    /// Writes `text` (already terminal-safe, single line) at (row, col), clipped to
    /// `maxWidth` columns and the grid edge. A wide grapheme that would straddle the limit is
    /// replaced by a space so nothing spills over. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, maxWidth: Int? = nil, style: CellStyle = .normal) -> Int {
        guard row >= 0, row < height, col < width else { return 0 }
        let limit = min(width, col + (maxWidth ?? width))
        var x = col
        for grapheme in text {
            guard x < limit else { break }
            let w = DisplayWidth.of(grapheme)
            if w == 0 { continue }
            if x < 0 { x += w; continue }
            if x + w > limit {
                set(Cell.blank(style), row: row, col: x)
                x += 1
                break
            }
            set(Cell(grapheme: String(grapheme), width: w, style: style), row: row, col: x)
            if w == 2 { set(.continuation(style), row: row, col: x + 1) }
            x += w
        }
        return max(0, x - col)
    }

    /// Fills a rect with one grapheme (a space by default).
    public mutating func fill(_ rect: Rect, with grapheme: Character = " ", style: CellStyle = .normal) {
        let w = max(1, DisplayWidth.of(grapheme))
        for r in max(0, rect.row)..<min(height, rect.bottom) {
            var c = max(0, rect.col)
            while c + w <= min(width, rect.right) {
                put(String(grapheme), row: r, col: c, style: style)
                c += w
            }
        }
    }

    /// Restyles a rect without changing its text (selection bars).
    public mutating func restyle(_ rect: Rect, style: CellStyle) {
        for r in max(0, rect.row)..<min(height, rect.bottom) {
            for c in max(0, rect.col)..<min(width, rect.right) {
                cells[r * width + c].style = style
            }
        }
    }

    /// The text of one row, continuation cells skipped, trailing spaces kept.
    public func rowText(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var line = ""
        for c in 0..<width where !self[row, c].isContinuation {
            line += self[row, c].grapheme
        }
        return line
    }

    /// The whole screen as text, one line per row, trailing spaces trimmed (for tests).
    public var text: String {
        (0..<height).map { rowText($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// Places a cell, blanking the other half of any wide grapheme it partly overwrites.
    private mutating func set(_ cell: Cell, row: Int, col: Int) {
        let index = row * width + col
        let old = cells[index]
        if old.isContinuation, !cell.isContinuation, col > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        if old.width == 2, cell.width != 2, col + 1 < width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        cells[index] = cell
    }
}
