/// Makes untrusted text (message bodies, names, usernames) safe to hand to the terminal.
///
/// Control characters and bidi overrides are never passed through: an ESC could start an
/// escape sequence (retitle the window, rewrite the screen), a bidi override could make text
/// read differently from what it is. They are shown as visible placeholders instead of being
/// dropped silently, so an operator can see that a message carried them (SPEC §7).
public enum TerminalSafeText {
    /// Whether line breaks survive (message bodies) or become spaces (list rows, names).
    public enum Lines: Sendable {
        case keep
        case flatten
    }

    /// Combining marks kept per grapheme cluster; more is "Zalgo" text that smears rows.
    static let maxCombiningMarks = 3

    /// The terminal-safe form of `text`.
    public static func make(_ text: String, lines: Lines = .flatten) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previousWasCR = v == 0x0D }
            switch v {
            case 0x0A:
                if previousWasCR, lines == .keep { continue }   // CR LF already became a break
                lines == .keep ? out.append(scalar) : out.append(" ")
            case 0x0D:
                lines == .keep ? out.append("\n") : out.append(" ")
            case 0x09:
                out.append(contentsOf: (lines == .keep ? "    " : " ").unicodeScalars)
            case 0x00...0x1F:
                // Control Pictures: U+2400 + code (␛ for ESC).
                out.append(Unicode.Scalar(0x2400 + v) ?? "?")
            case 0x7F:
                out.append("\u{2421}")
            case 0x80...0x9F:
                out.append(contentsOf: placeholder(hex(v)).unicodeScalars)
            case 0x2028, 0x2029:
                lines == .keep ? out.append("\n") : out.append(" ")
            default:
                if let name = bidiControlName(v) {
                    out.append(contentsOf: placeholder(name).unicodeScalars)
                } else if isInvisibleFormat(v) {
                    continue
                } else {
                    out.append(scalar)
                }
            }
        }
        return capCombiningMarks(String(out))
    }

    /// True when `text` is already terminal-safe (nothing to replace): skips the copy.
    /// A one-line field (a name, a preview, a search hit): only its first `limit` characters
    /// are made safe, so a megabyte-long value costs a frame nothing.
    public static func field(_ text: some StringProtocol, limit: Int = 300) -> String {
        make(String(text.prefix(limit)))
    }

    public static func isSafe(_ text: String, lines: Lines = .flatten) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (v >= 0x7F && v < 0xA0) {
                if v == 0x0A && lines == .keep { continue }
                return false
            }
            if v < 0x300 { continue }
            if v == 0x2028 || v == 0x2029 || bidiControlName(v) != nil || isInvisibleFormat(v) { return false }
            if scalar.properties.generalCategory == .nonspacingMark { return false }
        }
        return true
    }

    /// Visible stand-in for a removed character.
    static func placeholder(_ name: String) -> String { "<\(name)>" }

    /// Names of bidi embedding, override and isolate controls plus the implicit marks.
    static func bidiControlName(_ v: UInt32) -> String? {
        switch v {
        case 0x061C: "ALM"
        case 0x200E: "LRM"
        case 0x200F: "RLM"
        case 0x202A: "LRE"
        case 0x202B: "RLE"
        case 0x202C: "PDF"
        case 0x202D: "LRO"
        case 0x202E: "RLO"
        case 0x2066: "LRI"
        case 0x2067: "RLI"
        case 0x2068: "FSI"
        case 0x2069: "PDI"
        default: nil
        }
    }

    /// Zero-width characters terminals disagree about (soft hyphen, ZWSP, BOM, word joiner):
    /// dropped, since they carry no visible content. ZWJ/ZWNJ stay: emoji sequences need them.
    static func isInvisibleFormat(_ v: UInt32) -> Bool {
        switch v {
        case 0x00AD, 0x180E, 0x200B, 0x2060...0x2064, 0xFEFF, 0xFFF9...0xFFFB: true
        default: false
        }
    }

    static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }

    /// Keeps at most `maxCombiningMarks` marks per cluster; a cluster that starts with a mark
    /// (nothing to attach to) gets a dotted circle as its base.
    static func capCombiningMarks(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where scalar.value >= 0x300 && isMark(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var out = ""
        for grapheme in text {
            let scalars = grapheme.unicodeScalars
            guard scalars.contains(where: isMark) else { out.append(grapheme); continue }
            var kept = String.UnicodeScalarView()
            var marks = 0
            for (i, scalar) in scalars.enumerated() {
                if isMark(scalar) {
                    if i == 0 { kept.append("\u{25CC}") }
                    marks += 1
                    if marks > maxCombiningMarks { continue }
                }
                kept.append(scalar)
            }
            out.append(contentsOf: String(kept))
        }
        return out
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: true
        default: false
        }
    }
}
