import Testing
@testable import TerminalText

@Suite("Wrapping by display width")
struct TextWrappingTests {
    @Test(arguments: [
        ("hello world", 20, ["hello world"]),
        ("hello world", 5, ["hello", "world"]),
        ("hello wonderful world", 11, ["hello", "wonderful", "world"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("one\ntwo", 10, ["one", "two"]),
        ("a\n\nb", 10, ["a", "", "b"]),
        ("日本語のテキスト", 6, ["日本語", "のテキ", "スト"]),
        ("😀😀😀", 5, ["😀😀", "😀"]),
        ("👨‍👩‍👧‍👦 family time", 8, ["👨‍👩‍👧‍👦", "family", "time"]),
        ("ok 🇺🇸🇺🇸🇺🇸", 4, ["ok", "🇺🇸🇺🇸", "🇺🇸"]),
        ("", 10, [""]),
    ])
    func wraps(_ text: String, _ width: Int, _ expected: [String]) {
        let lines = TextWrapping.wrap(text, width: width)
        #expect(lines == expected)
        for line in lines { #expect(DisplayWidth.of(line) <= width) }
    }

    @Test(arguments: [1, 2, 3, 7, 13])
    func neverExceedsWidth(_ width: Int) {
        let text = "Ünïcödé 中文 mixed with 👩‍💻 and 🇯🇵 flags, e\u{301} marks and averyveryverylongwordthatmustbreak"
        for line in TextWrapping.wrap(text, width: width) {
            #expect(DisplayWidth.of(line) <= max(width, 2))
        }
    }
}
