import CNcursesw
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The thin ncurses backend: starts and stops curses, copies grids to the screen (only the
/// cells that changed) and reads keys. Everything above it works on plain values.
public final class NcursesTerminal {
    private var palette: ColorPalette
    private var previous: ScreenGrid?
    private var active = false

    /// Starts curses on the controlling terminal. `colors: false` honours NO_COLOR.
    public init(colors: Bool) {
        setlocale(LC_ALL, "")   // before initscr, or wide characters come out as bytes
        initscr()
        raw()                   // Ctrl-C arrives as a key: quitting goes through the update
        noecho()
        nonl()
        keypad(sb_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        sb_enable_mouse()
        sb_enable_bracketed_paste()
        let useColors = colors && has_colors()
        if useColors {
            start_color()
            use_default_colors()
        }
        palette = ColorPalette(colors: useColors)
        active = true
    }

    deinit { stop() }

    /// Leaves curses and restores the terminal; safe to call twice.
    public func stop() {
        guard active else { return }
        sb_disable_bracketed_paste()
        endwin()
        active = false
    }

    public var size: TerminalSize {
        TerminalSize(columns: Int(sb_cols()), rows: Int(sb_lines()))
    }

    /// Waits up to `milliseconds` for a key; nil on timeout.
    public func readKey(timeoutMilliseconds milliseconds: Int32) -> KeyEvent? {
        wtimeout(sb_stdscr(), milliseconds)
        var value: UInt32 = 0
        let status = sb_get_wch(sb_stdscr(), &value)
        if status == sb_key_code_yes(), Int32(value) == sb_key_paste_start() {
            return .paste(readPaste())
        }
        if status == KeyDecoder.ok, value == 0x1B {
            // Alt-Enter arrives as ESC then Enter; ESC then anything else is Esc, and the
            // other key is read next.
            wtimeout(sb_stdscr(), 10)
            var next: UInt32 = 0
            let nextStatus = sb_get_wch(sb_stdscr(), &next)
            if nextStatus == KeyDecoder.ok, next == 0x0D || next == 0x0A { return .altEnter }
            if nextStatus == KeyDecoder.ok { _ = sb_unget_wch(next) }
            return .escape
        }
        if status == sb_key_code_yes(), Int32(value) == sb_key_mouse() {
            var y: Int32 = 0
            var x: Int32 = 0
            let kind: MouseEvent.Kind? = switch sb_read_mouse(&y, &x) {
            case 1: .click
            case 4: .wheelUp
            case 5: .wheelDown
            default: nil
            }
            return kind.map { .mouse(MouseEvent(kind: $0, row: Int(y), col: Int(x))) }
        }
        return KeyDecoder.decode(status: status, value: value)
    }

    /// Everything up to the paste's end marker, as text: newlines and tabs kept, other
    /// control characters dropped (a paste is text, never keys). Gives up after a second
    /// without input, keeping what came.
    private func readPaste() -> String {
        var text = ""
        var afterCR = false   // CR LF is one newline
        wtimeout(sb_stdscr(), 1000)
        while true {
            var value: UInt32 = 0
            let status = sb_get_wch(sb_stdscr(), &value)
            if status == sb_key_code_yes() {
                if Int32(value) == sb_key_paste_end() { break }
                if value == KeyDecoder.Code.enter { text.append("\n") }
                continue
            }
            guard status == KeyDecoder.ok else { break }
            defer { afterCR = value == 0x0D }
            switch value {
            case 0x0A where afterCR: continue
            case 0x0D, 0x0A: text.append("\n")
            case 0x09: text.append("\t")
            case 0x00...0x1F, 0x7F...0x9F: continue
            default: if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
            }
        }
        return text
    }

    /// Rings the terminal bell (ncurses `beep`).
    public func ring() { beep() }

    /// Sets the window title through ncurses' output. The text is ours (a count), made safe anyway.
    public func setTitle(_ title: String) {
        sb_set_title(String(title.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }))
    }

    /// Puts text on the terminal's clipboard with OSC 52: only base64 reaches the terminal.
    public func copyToClipboard(_ text: String) {
        let encoded = Data(text.utf8).base64EncodedString()
        sb_put_control("\u{1B}]52;c;", encoded, "\u{07}")
    }

    /// Forgets what is on screen so the next draw repaints everything (after a resize or
    /// after an external program used the terminal).
    public func invalidate() {
        previous = nil
        werase(sb_stdscr())
        clearok(sb_curscr(), true)
    }

    /// Copies `grid` to the screen, writing only cells that differ from the last frame.
    public func draw(_ grid: ScreenGrid) {
        let window = sb_stdscr()
        let old = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if old == nil { werase(window) }
        let rows = min(grid.height, Int(sb_lines()))
        let cols = min(grid.width, Int(sb_cols()))
        for row in 0..<rows {
            var col = 0
            while col < cols {
                let cell = grid[row, col]
                if cell.isContinuation || (old.map { $0[row, col] == cell && (cell.width == 1 || $0[row, col + 1] == grid[row, col + 1]) } ?? false) {
                    col += 1
                    continue
                }
                let look = palette.look(cell.style)
                let glyphs = TerminalGlyphs.glyphs(for: cell, libcWidth: { Int(sb_wcwidth($0)) })
                var x = col
                for glyph in glyphs where x < cols {
                    glyph.withUnsafeBufferPointer { buffer in
                        _ = sb_put_cell(window, Int32(row), Int32(x), buffer.baseAddress, Int32(buffer.count), look.attributes, look.pair)
                    }
                    x += max(1, Int(sb_wcwidth(glyph[0])))
                }
                col += max(1, cell.width)
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = grid
    }

    /// Hands the terminal to another program (the editor) and takes it back afterwards.
    public func suspend<T>(_ body: () throws -> T) rethrows -> T {
        sb_disable_bracketed_paste()
        def_prog_mode()
        endwin()
        defer {
            reset_prog_mode()
            sb_enable_bracketed_paste()
            invalidate()
        }
        return try body()
    }
}
