import Testing
@testable import TerminalText

@Suite("Display width per grapheme cluster")
struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1),
        ("~", 1),
        ("é", 1),                                   // precomposed
        ("e\u{301}", 1),                            // e + combining acute
        ("中", 2),
        ("한", 2),
        ("ｶ", 1),                                   // halfwidth katakana
        ("Ａ", 2),                                   // fullwidth A
        ("😀", 2),
        ("❤", 1),                                   // text presentation by default
        ("❤️", 2),                                  // with VS16
        ("1️⃣", 2),                                  // keycap
        ("👍🏽", 2),                                  // skin tone modifier
        ("👨‍👩‍👧‍👦", 2),                                  // ZWJ family
        ("🏳️‍🌈", 2),                                   // ZWJ flag
        ("🇺🇸", 2),                                   // regional indicator pair
        ("\u{200B}", 0),                            // zero-width space
        ("\u{301}", 0),                             // lone combining mark
    ])
    func grapheme(_ text: String, _ width: Int) throws {
        let grapheme = try #require(text.first)
        #expect(text.count == 1)
        #expect(DisplayWidth.of(grapheme) == width)
    }

    @Test(arguments: [
        ("hello", 5),
        ("日本語", 6),
        ("hi 👋 there", 11),
        ("🇩🇪🇫🇷", 4),
        ("Zoë", 3),
        ("", 0),
    ])
    func string(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }
}

@Suite("Clipping by columns")
struct TextClippingTests {
    @Test(arguments: [
        ("hello world", 5, "hell…"),
        ("hello", 5, "hello"),
        ("日本語テキスト", 5, "日本…"),
        ("👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 5, "👨‍👩‍👧‍👦👨‍👩‍👧‍👦…"),
        ("abc", 0, ""),
    ])
    func truncate(_ text: String, _ width: Int, _ expected: String) {
        let cut = TextClipping.truncate(text, to: width)
        #expect(cut == expected)
        #expect(DisplayWidth.of(cut) <= width)
    }

    @Test func padFillsToExactWidth() {
        #expect(TextClipping.pad("中", to: 4) == "中  ")
        #expect(DisplayWidth.of(TextClipping.pad("日本語", to: 5)) == 5)
    }

    @Test func suffixKeepsTheEnd() {
        #expect(TextClipping.suffix("abcdef", width: 3) == "def")
        #expect(TextClipping.suffix("ab中", width: 3) == "b中")
    }
}
