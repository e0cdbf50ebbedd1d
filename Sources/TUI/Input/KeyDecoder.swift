/// Turns what ncurses `get_wch` returned into a key event. Pure, so it is tested without a
/// terminal: the backend passes the status (`OK`, `KEY_CODE_YES`, `ERR`) and the value.
public enum KeyDecoder {
    /// `get_wch` statuses.
    public static let ok: Int32 = 0
    public static let keyCodeYes: Int32 = 0o400
    public static let err: Int32 = -1

    /// ncurses key codes (curses.h; stable across versions and platforms).
    enum Code {
        static let down: UInt32 = 0o402
        static let up: UInt32 = 0o403
        static let left: UInt32 = 0o404
        static let right: UInt32 = 0o405
        static let home: UInt32 = 0o406
        static let backspace: UInt32 = 0o407
        static let f0: UInt32 = 0o410
        static let delete: UInt32 = 0o512
        static let insert: UInt32 = 0o513
        static let pageDown: UInt32 = 0o522
        static let pageUp: UInt32 = 0o523
        static let enter: UInt32 = 0o527
        static let backTab: UInt32 = 0o541
        static let end: UInt32 = 0o550
        static let resize: UInt32 = 0o632
    }

    /// The key for one `get_wch` result, or nil for nothing/unknown.
    public static func decode(status: Int32, value: UInt32) -> KeyEvent? {
        switch status {
        case keyCodeYes: return functionKey(value)
        case ok: return character(value)
        default: return nil
        }
    }

    static func functionKey(_ code: UInt32) -> KeyEvent? {
        switch code {
        case Code.down: .down
        case Code.up: .up
        case Code.left: .left
        case Code.right: .right
        case Code.home: .home
        case Code.end: .end
        case Code.backspace: .backspace
        case Code.delete: .delete
        case Code.insert: .insert
        case Code.pageDown: .pageDown
        case Code.pageUp: .pageUp
        case Code.enter: .enter
        case Code.backTab: .backTab
        case Code.resize: .resize
        case (Code.f0 + 1)...(Code.f0 + 24): .function(Int(code - Code.f0))
        default: nil
        }
    }

    static func character(_ value: UInt32) -> KeyEvent? {
        switch value {
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x01...0x1A:
            guard let letter = Unicode.Scalar(0x60 + value) else { return nil }
            return .control(Character(letter))
        case 0x00...0x1F, 0x80...0x9F:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
