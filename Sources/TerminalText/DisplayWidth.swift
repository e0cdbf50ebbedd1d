/// Terminal columns taken by text, measured per grapheme cluster (what the user sees as one
/// character) rather than per scalar, so emoji sequences, flags and combining marks never
/// push borders around. libc `wcwidth` is per scalar and gets these wrong (VS16, ZWJ).
public enum DisplayWidth {
    /// Columns of one grapheme cluster: 0, 1 or 2.
    public static func of(_ grapheme: Character) -> Int {
        let scalars = grapheme.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // Fast path: printable ASCII is by far the most common input.
        if first.value >= 0x20, first.value < 0x7F, scalars.count == 1 { return 1 }
        if scalars.count == 1 { return width(of: first) }
        var regionalIndicators = 0
        for scalar in scalars {
            switch scalar.value {
            case 0xFE0F: return 2                       // emoji presentation selector
            case 0x200D where first.properties.isEmoji: return 2  // ZWJ sequence
            case 0x1F3FB...0x1F3FF: return 2            // skin tone modifier
            case 0x1F1E6...0x1F1FF: regionalIndicators += 1
            default: break
            }
        }
        if regionalIndicators >= 2 { return 2 }
        // Base plus combining marks: the base decides.
        return width(of: first)
    }

    /// Columns of a whole string.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for grapheme in text { total += of(grapheme) }
        return total
    }

    /// Columns of a lone scalar (the base of a cluster).
    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return v == 0xAD ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        if v >= 0x1160 && v <= 0x11FF { return 0 }     // Hangul medial vowels / final consonants
        return isWide(v) ? 2 : 1
    }

    /// Whether a scalar takes two columns: East_Asian_Width W/F or Emoji_Presentation, from the
    /// table generated from Unicode's data files (`WideScalars.swift`).
    static func isWide(_ v: UInt32) -> Bool {
        var low = 0
        var high = wideScalarRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideScalarRanges[mid]
            if v < range.lowerBound {
                high = mid - 1
            } else if v > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
