import Testing
@testable import TUI

@Suite("Screen grid")
struct ScreenGridTests {
    @Test func putClipsAtMaxWidthAndEdge() {
        var grid = ScreenGrid(width: 10, height: 2)
        #expect(grid.put("hello world", row: 0, col: 0, maxWidth: 5) == 5)
        #expect(grid.rowText(0) == "hello     ")
        grid.put("abcdef", row: 1, col: 7)
        #expect(grid.rowText(1) == "       abc")
    }

    @Test func wideGraphemeNeverStraddlesTheLimit() {
        var grid = ScreenGrid(width: 5, height: 1)
        grid.put("ab中文", row: 0, col: 0)
        // 中 fits in columns 2-3; 文 would need 4-5: replaced by a space.
        #expect(grid.rowText(0) == "ab中 ")
        #expect(grid[0, 3].isContinuation)
    }

    @Test func overwritingHalfAWideGraphemeBlanksTheOtherHalf() {
        var grid = ScreenGrid(width: 4, height: 1)
        grid.put("中文", row: 0, col: 0)
        grid.put("x", row: 0, col: 1)       // right half of 中
        #expect(grid.rowText(0) == " x文")
        grid.put("y", row: 0, col: 2)       // left half of 文
        #expect(grid.rowText(0) == " xy ")
        #expect(!grid[0, 3].isContinuation)
    }

    @Test func everyRowKeepsItsWidth() {
        var grid = ScreenGrid(width: 12, height: 1)
        grid.put("👨‍👩‍👧‍👦🇺🇸❤️e\u{301}中", row: 0, col: 0)
        let columns = (0..<12).reduce(0) { $0 + grid[0, $1].width }
        let continuations = (0..<12).filter { grid[0, $0].isContinuation }.count
        #expect(columns == 12)
        #expect(continuations == 4)
        #expect(grid.rowText(0) == "👨‍👩‍👧‍👦🇺🇸❤️e\u{301}中   ")
    }
}

@Suite("Glyphs sent to the terminal")
struct TerminalGlyphsTests {
    /// A libc that measures like glibc: wide CJK/emoji, zero-width marks and joiners,
    /// everything else 1.
    static func libc(_ v: UInt32) -> Int {
        switch v {
        case 0x300...0x36F, 0x200D, 0xFE0F, 0x20E3: 0
        case 0x4E00...0x9FFF, 0x1F300...0x1F64F, 0x1F466...0x1F469, 0x1F3FB...0x1F3FF: 2
        default: 1
        }
    }

    @Test(arguments: [
        ("a", 1, [[UInt32(0x61)]]),
        ("中", 2, [[0x4E2D]]),
        ("e\u{301}", 1, [[0x65, 0x301]]),
        ("❤️", 2, [[0x2764], [0x20]]),                   // VS16: base then a space
        ("👍🏽", 2, [[0x1F44D, 0x1F3FD]]),               // skin tone kept: one cell, whole
        ("👨‍👩‍👧", 2, [[0x1F468, 0x200D, 0x1F469, 0x200D, 0x1F467]]),   // ZWJ family: one cell, whole
        ("👨‍👩‍👧‍👦", 2, [[0x1F468]]),                       // longer than a cell holds: first emoji
        ("🇺🇸", 2, [[0x1F1FA], [0x1F1F8]]),               // flag: two cells
    ])
    func glyphs(_ grapheme: String, _ width: Int, _ expected: [[UInt32]]) {
        let cell = Cell(grapheme: grapheme, width: width, style: .normal)
        let glyphs = TerminalGlyphs.glyphs(for: cell, libcWidth: Self.libc)
        #expect(glyphs == expected)
        // Whatever is sent, libc measures it at exactly the grid width.
        #expect(glyphs.reduce(0) { $0 + Self.libc($1[0]) } == width)
    }
}
