/// Cutting text to a number of columns, at grapheme boundaries.
public enum TextClipping {
    /// `text` cut to at most `width` columns; an ellipsis marks the cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let budget = width - DisplayWidth.of(ellipsis)
        guard budget >= 0 else { return "" }
        var used = 0
        var out = ""
        for g in text {
            let w = DisplayWidth.of(g)
            if used + w > budget { break }
            out.append(g)
            used += w
        }
        return out + ellipsis
    }

    /// `text` padded with spaces (or cut) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        let w = DisplayWidth.of(cut)
        return w < width ? cut + String(repeating: " ", count: width - w) : cut
    }

    /// Leading graphemes of `text` fitting in `width` columns, without an ellipsis.
    public static func prefix(_ text: String, width: Int) -> String {
        var used = 0
        var out = ""
        for g in text {
            let w = DisplayWidth.of(g)
            if used + w > width { break }
            out.append(g)
            used += w
        }
        return out
    }

    /// Trailing graphemes of `text` fitting in `width` columns (input fields scroll left).
    public static func suffix(_ text: String, width: Int) -> String {
        var used = 0
        var out: [Character] = []
        for g in text.reversed() {
            let w = DisplayWidth.of(g)
            if used + w > width { break }
            out.append(g)
            used += w
        }
        return String(out.reversed())
    }
}
