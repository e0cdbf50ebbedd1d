/// What to actually send for a grid cell so the terminal's idea of its width matches ours.
///
/// ncurses advances the cursor by libc `wcwidth` of each character, which is per scalar: a
/// heart with VS16 counts 1 there but 2 in the grid, a ZWJ family counts 6. Sending such a
/// cluster verbatim makes ncurses and the terminal disagree about the cursor and the rest of
/// the row shifts (the border-breaking emoji bug of nchat, gomuks, NeoMutt). So a cluster
/// whose libc width differs is sent in a form that takes exactly the grid's width
/// everywhere: its first emoji alone, or its base plus a space.
public enum TerminalGlyphs {
    /// One ncurses cell to draw: a base character and its combining characters.
    public typealias Glyph = [UInt32]

    /// ncurses keeps the base plus up to four combining characters per cell.
    static let maxCharactersPerCell = 5

    /// The glyphs for `cell`, one per terminal column the cell's grapheme covers (a second
    /// glyph fills the continuation column only when the form sent is narrower).
    public static func glyphs(for cell: Cell, libcWidth: (UInt32) -> Int) -> [Glyph] {
        let scalars = cell.grapheme.unicodeScalars.map(\.value)
        guard let first = scalars.first else { return [[0x20]] }
        let baseWidth = libcWidth(first)
        let rest = scalars.dropFirst()
        let restIsCombining = rest.allSatisfy { libcWidth($0) == 0 }
        if baseWidth == cell.width, restIsCombining, scalars.count <= maxCharactersPerCell {
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
