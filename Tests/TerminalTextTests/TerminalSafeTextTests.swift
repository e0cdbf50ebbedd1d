import Testing
@testable import TerminalText

@Suite("Terminal-safe text")
struct TerminalSafeTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("\u{1B}[2J\u{1B}[31mred", "␛[2J␛[31mred"),                // CSI sequences
        ("\u{1B}]0;pwned\u{07}", "␛]0;pwned␇"),                      // OSC title + BEL
        ("\u{9B}31m", "<9B>31m"),                                    // C1 CSI
        ("a\u{85}b", "a<85>b"),                                      // C1 NEL
        ("\u{7F}", "␡"),
        ("\u{00}", "␀"),
        ("abc\u{202E}fed", "abc<RLO>fed"),                           // right-to-left override
        ("\u{202A}x\u{202C}", "<LRE>x<PDF>"),
        ("\u{2066}a\u{2067}b\u{2068}c\u{2069}", "<LRI>a<RLI>b<FSI>c<PDI>"),
        ("\u{200E}\u{200F}\u{061C}", "<LRM><RLM><ALM>"),
        ("zero\u{200B}width\u{FEFF}", "zerowidth"),
        ("soft\u{AD}hyphen", "softhyphen"),
        ("tab\there", "tab here"),
        ("line\nbreak", "line break"),
        ("cr\r\nlf", "cr  lf"),
        ("👨‍👩‍👧 ok", "👨‍👩‍👧 ok"),                                      // ZWJ kept
    ])
    func flattened(_ input: String, _ expected: String) {
        #expect(TerminalSafeText.make(input) == expected)
    }

    @Test(arguments: [
        ("one\ntwo", "one\ntwo"),
        ("one\r\ntwo", "one\ntwo"),
        ("one\rtwo", "one\ntwo"),
        ("a\u{2028}b", "a\nb"),
        ("\tx", "    x"),
    ])
    func multiline(_ input: String, _ expected: String) {
        #expect(TerminalSafeText.make(input, lines: .keep) == expected)
    }

    @Test func capsCombiningMarks() {
        let zalgo = "Z" + String(repeating: "\u{301}", count: 20) + "a"
        let safe = TerminalSafeText.make(zalgo)
        let first = safe.first?.unicodeScalars.count
        #expect(first == 1 + TerminalSafeText.maxCombiningMarks)
        #expect(safe.last == "a")
    }

    @Test func loneCombiningMarkGetsABase() {
        #expect(TerminalSafeText.make("\u{301}x") == "\u{25CC}\u{301}x")
    }

    /// Nothing a terminal would interpret survives, whatever the input.
    @Test(arguments: [
        "\u{1B}[?1049h\u{1B}[H\u{1B}[2Jfake screen",
        "\u{1B}P+q\u{1B}\\",
        "x\u{9D}0;title\u{9C}y",
        "\u{202E}gnp.exe\u{202D}",
        String((0..<0xA0).compactMap { Unicode.Scalar($0).map(Character.init) }),
    ])
    func hostileInputIsNeutralised(_ input: String) {
        for lines in [TerminalSafeText.Lines.keep, .flatten] {
            let safe = TerminalSafeText.make(input, lines: lines)
            for scalar in safe.unicodeScalars {
                let v = scalar.value
                #expect(!(v < 0x20 && v != 0x0A), "C0 \(v) passed")
                #expect(!(v >= 0x7F && v < 0xA0), "DEL/C1 \(v) passed")
                #expect(TerminalSafeText.bidiControlName(v) == nil, "bidi \(v) passed")
            }
            #expect(TerminalSafeText.isSafe(safe, lines: lines) || safe.unicodeScalars.contains { $0.properties.generalCategory == .nonspacingMark })
        }
    }
}
