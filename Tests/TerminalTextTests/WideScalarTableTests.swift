import Foundation
import Testing
@testable import TerminalText

/// The generated width table agrees with the Unicode data files it was generated from
/// (committed beside the generator in Scripts/unicode/).
@Suite("Wide scalars from EastAsianWidth.txt and emoji-data.txt")
struct WideScalarTableTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Scripts/unicode").standardized

    /// `(low, high, value)` of every data line of a UCD-style file.
    static func lines(_ name: String) throws -> [(ClosedRange<UInt32>, String)] {
        let text = try String(contentsOf: data.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2 else { return nil }
            let bounds = fields[0].components(separatedBy: "..").compactMap { UInt32($0, radix: 16) }
            guard let low = bounds.first, let high = bounds.last else { return nil }
            return (low...high, fields[1])
        }
    }

    @Test func everyScalarMatchesTheData() throws {
        let widths = try Self.lines("EastAsianWidth.txt")
        let emoji = try Self.lines("emoji-data.txt").filter { $0.1 == "Emoji_Presentation" }
        #expect(widths.count > 2000)
        #expect(emoji.count > 50)
        var expected = [Bool](repeating: false, count: 0x110000)
        var listed = [Bool](repeating: false, count: 0x110000)
        for (range, value) in widths {
            for v in range {
                listed[Int(v)] = true
                if value == "W" || value == "F" { expected[Int(v)] = true }
            }
        }
        for range: ClosedRange<UInt32> in [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD] {
            for v in range where !listed[Int(v)] { expected[Int(v)] = true }
        }
        for (range, _) in emoji { for v in range { expected[Int(v)] = true } }
        var mismatches: [String] = []
        for v in 0..<UInt32(0x110000) where DisplayWidth.isWide(v) != expected[Int(v)] {
            mismatches.append(String(v, radix: 16))
            if mismatches.count > 10 { break }
        }
        #expect(mismatches.isEmpty)
    }

    @Test(arguments: [
        ("a", 1), ("中", 2), ("한", 2), ("Ａ", 2), ("⌚", 2), ("☺", 1), ("😀", 2), ("\u{1F3FB}", 2), ("é", 1), ("\u{0301}", 0),
    ])
    func scalarWidths(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }
}
