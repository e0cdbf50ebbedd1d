import CNcursesw

/// How each style role looks: a colour pair plus attributes, or attributes only when colour
/// is off (`NO_COLOR`, or a terminal without colours) so the screen stays readable.
struct ColorPalette {
    struct Look {
        var pair: Int32
        var attributes: UInt32
    }

    private var looks: [StyleRole: Look] = [:]

    /// Builds the palette and registers colour pairs with ncurses (after `start_color`).
    init(colors: Bool) {
        let bold = sb_attr_bold()
        let reverse = sb_attr_reverse()
        let dim = sb_attr_dim()
        let underline = sb_attr_underline()
        // (role, foreground, background, colour attributes, monochrome attributes)
        let table: [(StyleRole, Int16, Int16, UInt32, UInt32)] = [
            (.normal, -1, -1, 0, 0),
            (.dim, -1, -1, dim, dim),
            (.title, Int16(COLOR_WHITE), Int16(COLOR_BLUE), 0, reverse),
            (.border, Int16(COLOR_BLUE), -1, 0, dim),
            (.selection, Int16(COLOR_BLACK), Int16(COLOR_CYAN), 0, reverse),
            (.selectionUnfocused, Int16(COLOR_BLACK), Int16(COLOR_WHITE), 0, underline),
            (.unread, Int16(COLOR_YELLOW), -1, bold, bold),
            (.badgePhone, Int16(COLOR_GREEN), -1, 0, 0),
            (.badgeBSUID, Int16(COLOR_MAGENTA), -1, 0, 0),
            (.inbound, -1, -1, 0, 0),
            (.outbound, Int16(COLOR_CYAN), -1, 0, 0),
            (.delivered, Int16(COLOR_GREEN), -1, 0, 0),
            (.read, Int16(COLOR_CYAN), -1, bold, bold),
            (.failed, Int16(COLOR_RED), -1, bold, bold | underline),
            (.pending, Int16(COLOR_YELLOW), -1, 0, dim),
            (.separator, Int16(COLOR_BLUE), -1, 0, dim),
            (.statusBar, Int16(COLOR_BLACK), Int16(COLOR_WHITE), 0, reverse),
            (.statusError, Int16(COLOR_WHITE), Int16(COLOR_RED), bold, reverse | bold),
            (.compose, -1, -1, 0, 0),
            (.refusal, Int16(COLOR_RED), -1, bold, bold),
            (.placeholder, Int16(COLOR_MAGENTA), -1, 0, underline),
            (.highlight, Int16(COLOR_BLACK), Int16(COLOR_YELLOW), 0, reverse | underline),
            (.system, Int16(COLOR_BLUE), -1, dim, dim),
            (.note, Int16(COLOR_YELLOW), -1, 0, underline),
            (.match, Int16(COLOR_BLACK), Int16(COLOR_YELLOW), bold, reverse | bold),
            (.warning, Int16(COLOR_YELLOW), -1, bold, bold),
        ]
        for (index, entry) in table.enumerated() {
            let (role, fg, bg, colorAttributes, monoAttributes) = entry
            if colors {
                let pair = Int32(index + 1)
                init_pair(Int16(pair), fg, bg)
                looks[role] = Look(pair: pair, attributes: colorAttributes)
            } else {
                looks[role] = Look(pair: 0, attributes: monoAttributes)
            }
        }
    }

    func look(_ style: CellStyle) -> Look {
        var look = looks[style.role] ?? Look(pair: 0, attributes: 0)
        if style.bold { look.attributes |= sb_attr_bold() }
        return look
    }
}
