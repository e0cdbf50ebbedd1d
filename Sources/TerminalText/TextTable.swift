/// Plain aligned columns for human-readable command output. Cells are untrusted (names,
/// message text), so they are made terminal-safe and aligned by display width.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows.map { $0.map { TerminalSafeText.make($0) } }
        let widths = header.indices.map { column in
            all.map { $0.indices.contains(column) ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0
        }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : TextClipping.pad(cell, to: widths[index])
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// One untrusted value made safe for a terminal line.
    public static func safe(_ text: String) -> String { TerminalSafeText.make(text) }
}
