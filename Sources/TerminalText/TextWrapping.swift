/// Word wrapping by display width, at grapheme boundaries.
public enum TextWrapping {
    /// Lines of at most `width` columns. Breaks at spaces where possible, after wide (CJK)
    /// characters, and hard-breaks words longer than a line. Newlines start new lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(paragraph, width: width, into: &lines)
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        if DisplayWidth.of(paragraph) <= width {
            lines.append(String(paragraph).trimmingTrailingSpaces())
            return
        }
        var line: [Character] = []
        var lineWidth = 0
        // Index in `line` just after the last break opportunity, and the width up to it.
        var breakAt: Int?

        func flush(upTo end: Int) {
            lines.append(String(line[..<end]).trimmingTrailingSpaces())
            var rest = Array(line[end...])
            while rest.first == " " { rest.removeFirst() }
            line = rest
            lineWidth = DisplayWidth.of(String(rest))
            breakAt = nil
        }

        for g in paragraph {
            let w = DisplayWidth.of(g)
            if g == " " && line.isEmpty && !lines.isEmpty { continue }   // no leading space after a wrap
            if lineWidth + w > width, g == " " {
                flush(upTo: line.count)
                continue
            }
            while lineWidth + w > width, !line.isEmpty {
                if let b = breakAt, b > 0, b < line.count {
                    flush(upTo: b)
                } else {
                    flush(upTo: line.count)
                }
            }
            line.append(g)
            lineWidth += w
            if g == " " || w == 2 {
                breakAt = line.count
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(String(line).trimmingTrailingSpaces()) }
    }
}

extension String {
    /// The text without the spaces at its end (wrapped lines, rendered grid rows).
    public func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
