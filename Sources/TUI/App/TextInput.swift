/// Line editing shared by the compose, search and command lines: typing appends, Backspace
/// removes a grapheme, Ctrl-U clears, Ctrl-W removes a word.
enum TextInput {
    /// Applies an editing key; returns false when the key is not an editing key.
    static func edit(_ text: inout String, _ key: KeyEvent) -> Bool {
        switch key {
        case .character(let c):
            text.append(c)
        case .paste(let pasted):
            // One-line fields: a pasted newline is a space, never Enter.
            text += pasted.map { $0 == "\n" || $0 == "\t" || $0 == "\r\n" ? " " : $0 }
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .control("u"):
            text = ""
        case .control("w"):
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { _ = last; text.removeLast() }
        default:
            return false
        }
        return true
    }
}
