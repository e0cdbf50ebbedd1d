import Foundation
import TerminalText

/// Where a search's words occur in a line of text, in columns, for highlighting.
enum MatchHighlight {
    struct Span: Hashable {
        var column: Int
        var width: Int
    }

    /// The words of a query, lowercased (every word is matched on its own).
    static func words(_ query: String) -> [String] {
        query.lowercased().split(whereSeparator: \.isWhitespace).map(String.init).filter { !$0.isEmpty }
    }

    /// Column spans of every case-insensitive occurrence of the words.
    static func spans(of words: [String], in text: String) -> [Span] {
        let lower = text.lowercased()
        // Lowercasing can change lengths (rare scripts): then columns would be wrong, so skip.
        guard lower.count == text.count else { return [] }
        var spans: [Span] = []
        for word in words {
            var searchStart = lower.startIndex
            while let range = lower.range(of: word, range: searchStart..<lower.endIndex) {
                let column = DisplayWidth.of(String(lower[..<range.lowerBound]))
                spans.append(Span(column: column, width: DisplayWidth.of(String(lower[range]))))
                searchStart = range.upperBound
            }
        }
        return spans
    }
}
