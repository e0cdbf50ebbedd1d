/// A key press, decoded from the terminal's input; what it means is the keymap's business.
public enum KeyEvent: Sendable, Hashable {
    /// Printable text (one grapheme as typed; a combining mark may arrive on its own).
    case character(Character)
    /// Ctrl plus a letter, lower case (`ctrl-d` is `.control("d")`).
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    /// The terminal changed size (ncurses `KEY_RESIZE`).
    case resize
    /// A click or a wheel turn at a screen cell.
    case mouse(MouseEvent)
    /// Alt (Meta) with Enter: a newline in compose.
    case altEnter
    /// Text pasted with bracketed paste: one piece, never keys.
    case paste(String)
}

/// What the mouse did, and where (0-based screen row and column).
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var row: Int
    public var col: Int

    public init(kind: Kind, row: Int, col: Int) {
        self.kind = kind
        self.row = row
        self.col = col
    }
}

extension KeyEvent {
    /// The spelling used in config files and help: `j`, `ctrl-d`, `pgdn`, `enter`, `f1`.
    public var name: String {
        switch self {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .control(let c): "ctrl-\(c)"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .enter: "enter"
        case .escape: "esc"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .backspace: "backspace"
        case .delete: "delete"
        case .insert: "insert"
        case .function(let n): "f\(n)"
        case .resize: "resize"
        case .mouse: "mouse"
        case .altEnter: "alt-enter"
        case .paste: "paste"
        }
    }

    /// Parses a key name as written in config (`ctrl-d`, `PgDn`, `G`, `space`); nil if unknown.
    public init?(name raw: String) {
        let lower = raw.lowercased()
        switch lower {
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "home": self = .home
        case "end": self = .end
        case "pgup", "pageup": self = .pageUp
        case "pgdn", "pgdown", "pagedown": self = .pageDown
        case "enter", "return": self = .enter
        case "esc", "escape": self = .escape
        case "tab": self = .tab
        case "shift-tab", "backtab": self = .backTab
        case "backspace": self = .backspace
        case "delete", "del": self = .delete
        case "insert": self = .insert
        case "space": self = .character(" ")
        default:
            if raw.count == 1, let c = raw.first {
                self = .character(c)
            } else if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isLetter {
                self = .control(c)
            } else if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
                self = .function(n)
            } else {
                return nil
            }
        }
    }
}
