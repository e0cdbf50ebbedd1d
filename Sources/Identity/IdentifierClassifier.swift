/// What a raw identifier field turned out to hold, judged by its form (SPEC §2).
public enum ClassifiedValue: Sendable, Hashable {
    /// `""`, whitespace or null: the provider did not share a value.
    case absent
    case identifier(Identifier)
    /// Neither a phone nor a BSUID form; `reason` is a one-line explanation.
    case invalid(raw: String, reason: String)

    public var identifier: Identifier? {
        if case .identifier(let id) = self { return id }
        return nil
    }
}

/// Classifies identifier strings by form, never by the field they arrived in: providers put
/// BSUIDs in legacy phone fields, and a BSUID must never be "normalized" into digits.
public enum IdentifierClassifier {
    /// Longest alphanumeric tail Meta allows after `CC.` (or `CC.ENT.`).
    public static let maxBSUIDTail = 128

    /// Classifies a phone-or-BSUID value. Accepts `whatsapp:` and `bsuid:` prefixes, `+`,
    /// spaces, dashes, dots between digits and parentheses in phones.
    public static func classify(_ raw: String?) -> ClassifiedValue {
        guard let raw else { return .absent }
        var text = Substring(raw.trimmingWhitespace())
        if text.isEmpty { return .absent }
        // Only a value starting with w or b can carry a prefix: skip lowercasing the rest.
        if let first = text.utf8.first, first | 0x20 == UInt8(ascii: "w") || first | 0x20 == UInt8(ascii: "b") {
            for prefix in ["whatsapp:", "bsuid:"] where text.lowercased().hasPrefix(prefix) {
                text = text.dropFirst(prefix.count)
                text = Substring(String(text).trimmingWhitespace())
            }
        }
        if text.isEmpty { return .invalid(raw: raw, reason: "prefix without a value") }
        if let bsuid = plainBSUID(text) { return .identifier(bsuid) }
        if let bsuid = classifyBSUID(text) { return bsuid }
        return classifyPhone(text, raw: raw)
    }

    /// The common, valid BSUID (`CC.` or `CC.ENT.` and 1–128 ASCII letters and digits), read
    /// from its UTF-8 bytes; nil for anything else, which `classifyBSUID` then explains.
    private static func plainBSUID(_ text: Substring) -> Identifier? {
        let bytes = text.utf8
        guard bytes.count >= 4 else { return nil }
        var index = bytes.startIndex
        let c0 = bytes[index]; index = bytes.index(after: index)
        let c1 = bytes[index]; index = bytes.index(after: index)
        guard (0x41...0x5A).contains(c0), (0x41...0x5A).contains(c1), bytes[index] == UInt8(ascii: ".") else { return nil }
        index = bytes.index(after: index)
        guard CountryCodes.all.contains(String(decoding: [c0, c1], as: UTF8.self)) else { return nil }
        var kind = IdentifierKind.bsuid
        let tail = bytes[index...]
        if tail.starts(with: "ENT.".utf8), tail.count > 4 {
            kind = .parentBSUID
            index = bytes.index(index, offsetBy: 4)
        }
        let count = bytes.distance(from: index, to: bytes.endIndex)
        guard (1...maxBSUIDTail).contains(count),
              bytes[index...].allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
        else { return nil }
        return Identifier(kind: kind, value: String(text))
    }

    /// Username values are display-only: kept as received (trimmed), absent when empty.
    public static func username(_ raw: String?) -> String? {
        // Empty, blank or a bare "@" means absent (SPEC §2).
        guard let trimmed = raw?.trimmingWhitespace(), !trimmed.isEmpty, trimmed != "@" else { return nil }
        return trimmed
    }

    private static func classifyBSUID(_ text: Substring) -> ClassifiedValue? {
        let scalars = Array(text.unicodeScalars)
        // A BSUID always has a letter pair and a dot up front; anything else is phone-shaped.
        guard scalars.count >= 3, scalars[2] == ".",
              scalars[0].properties.isAlphabetic, scalars[1].properties.isAlphabetic
        else { return nil }
        let raw = String(text)
        let country = String(String.UnicodeScalarView(scalars[0..<2]))
        guard country == country.uppercased(), scalars[0].isASCII, scalars[1].isASCII else {
            return .invalid(raw: raw, reason: "BSUID country code must be upper-case ISO 3166 alpha-2")
        }
        guard CountryCodes.all.contains(country) else {
            return .invalid(raw: raw, reason: "BSUID prefix \(country) is not an ISO 3166 country code")
        }
        var tail = Substring(String(String.UnicodeScalarView(scalars[3...])))
        var kind = IdentifierKind.bsuid
        if tail.hasPrefix("ENT."), tail.count > 4 {
            kind = .parentBSUID
            tail = tail.dropFirst(4)
        }
        if tail.isEmpty { return .invalid(raw: raw, reason: "BSUID has nothing after the country code") }
        guard tail.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) else {
            return .invalid(raw: raw, reason: "BSUID may hold only ASCII letters and digits after the dot")
        }
        guard tail.count <= maxBSUIDTail else {
            return .invalid(raw: raw, reason: "BSUID has \(tail.count) characters after the dot (at most \(maxBSUIDTail))")
        }
        return .identifier(Identifier(kind: kind, value: raw))
    }

    private static func classifyPhone(_ text: Substring, raw: String) -> ClassifiedValue {
        var digits = ""
        for (index, ch) in text.enumerated() {
            switch ch {
            case "0"..."9": digits.append(ch)
            case "+" where index == 0: continue
            case " ", "-", "(", ")", ".", "\u{00A0}": continue
            default:
                return .invalid(raw: raw, reason: "not a phone number or BSUID")
            }
        }
        guard (7...15).contains(digits.count) else {
            return .invalid(raw: raw, reason: "phone number must have 7 to 15 digits (has \(digits.count))")
        }
        return .identifier(Identifier(kind: .phone, value: digits))
    }
}

extension String {
    /// Trims ASCII and Unicode whitespace at both ends.
    public func trimmingWhitespace() -> String {
        // Most values have nothing to trim: a visible ASCII character at both ends.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
