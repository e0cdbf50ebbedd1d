/// The compose line's editor: text with a cursor, edited the readline way. Positions count
/// grapheme clusters (what the operator sees as characters), so an emoji is one step.
public struct LineEditor: Sendable, Hashable {
    public private(set) var text: String
    /// Characters (grapheme clusters) before the cursor.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// WhatsApp's limit for a text message, in characters.
    public static let limit = 4096

    public var count: Int { text.count }
    public var isOverLimit: Bool { count > Self.limit }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: max(0, min(offset, text.count)))
    }

    /// Inserts at the cursor (typing, a paste, Alt-Enter's newline).
    public mutating func insert(_ piece: String) {
        text.insert(contentsOf: piece, at: index(cursor))
        cursor = min(text.count, cursor + piece.count)
    }

    /// Applies an editing key; false when the key does not edit.
    @discardableResult
    public mutating func apply(_ key: KeyEvent) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .altEnter: insert("\n")
        case .paste(let pasted): insert(pasted)
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: index(cursor - 1))
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < text.count else { return true }
            text.remove(at: index(cursor))
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = lineStart
        case .end, .control("e"): cursor = lineEnd
        case .control("k"):
            text.removeSubrange(index(cursor)..<index(lineEnd))
        case .control("u"):
            let start = lineStart
            text.removeSubrange(index(start)..<index(cursor))
            cursor = start
        case .control("w"):
            var start = cursor
            let characters = Array(text)
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " ", characters[start - 1] != "\n" { start -= 1 }
            text.removeSubrange(index(start)..<index(cursor))
            cursor = start
        default:
            return false
        }
        return true
    }

    /// Start and end of the line the cursor is on (a draft may hold newlines).
    private var lineStart: Int {
        let before = text[..<index(cursor)]
        guard let newline = before.lastIndex(of: "\n") else { return 0 }
        return text.distance(from: text.startIndex, to: newline) + 1
    }

    private var lineEnd: Int {
        let after = text[index(cursor)...]
        guard let newline = after.firstIndex(of: "\n") else { return text.count }
        return text.distance(from: text.startIndex, to: newline)
    }
}
