/// What to actually send for a grid cell so the terminal's idea of its width matches ours.
///
/// ncurses advances the cursor by libc `wcwidth` of each character, which is per scalar: a
/// heart with VS16 counts 1 there but 2 in the grid, a ZWJ family counts 6. Written as a
/// string, such a cluster makes ncurses and the terminal disagree about the cursor and the
/// rest of the row shifts (the border-breaking emoji bug of nchat, gomuks, NeoMutt). So a
/// cluster goes into ONE ncurses cell, whole: the cell's width is its first character's, and
/// ncurses writes every character the cell holds (ZWJ sequences, skin tones, keycaps). Only
/// a cluster longer than a cell holds, or whose first character libc measures narrower,
/// is sent in a stand-in form of exactly the grid's width: its first emoji, or its base plus
/// a space.
public enum TerminalGlyphs {
    /// One ncurses cell to draw: a base character and its combining characters.
    public typealias Glyph = [UInt32]

    /// Characters an ncurses cell holds (`CCHARW_MAX`).
    static let maxCharactersPerCell = 5

    /// The glyphs for `cell`, one per terminal column the cell's grapheme covers (a second
    /// glyph fills the continuation column only when the form sent is narrower).
    public static func glyphs(for cell: Cell, libcWidth: (UInt32) -> Int) -> [Glyph] {
        let scalars = cell.grapheme.unicodeScalars.map(\.value)
        guard let first = scalars.first else { return [[0x20]] }
        let baseWidth = libcWidth(first)
        let rest = scalars.dropFirst()
        if baseWidth == cell.width, scalars.count <= maxCharactersPerCell {
            return [scalars]
        }
        // Flags: two regional indicators, one column each as libc sees them.
        if cell.width == 2, scalars.count == 2, rest.allSatisfy({ libcWidth($0) == 1 }), baseWidth == 1 {
            return [[first], [scalars[1]]]
        }
        if baseWidth == cell.width {
            return [[first]]
        }
        if baseWidth == 1, cell.width == 2 {
            return [[first], [0x20]]
        }
        // Nothing libc can draw at this width: a visible stand-in of the right width.
        return Array(repeating: [0x3F], count: max(1, cell.width))   // "?"
    }
}
