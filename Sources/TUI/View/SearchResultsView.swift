import Identity
import Store
import TerminalText

/// Search results: conversations found by who they are with (name, username, phone, BSUID),
/// then message hits, newest first — date, contact, the message text.
enum SearchResultsView {
    static func draw(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        guard rect.height > 0, rect.width > 0 else { return }
        let query = TerminalSafeText.make(state.search.query)
        let found = state.search.conversations
        let hits = state.search.results
        var title = "Search \"\(query)\""
        if !found.isEmpty { title += " · \(counted(found.count, "conversation"))" }
        title += " · \(counted(hits.count, "message"))"
        InboxView.title(title, in: rect, grid: &grid, focused: true)
        let body = Rect(row: rect.row + 1, col: rect.col, width: rect.width, height: rect.height - 1)
        guard !hits.isEmpty || !found.isEmpty else {
            grid.put(" nothing found", row: body.row, col: body.col, maxWidth: body.width, style: CellStyle(.dim))
            return
        }
        let lines = found.map { conversationLine($0, state: state) } + hits.map { hitLine($0, state: state) }
        // Keep the selected result on screen.
        let first = max(0, state.search.selectedIndex - body.height + 1)
        let words = MatchHighlight.words(state.search.query)
        for (offset, line) in lines[first...].prefix(body.height).enumerated() {
            let index = first + offset
            let row = body.row + offset
            let selected = index == state.search.selectedIndex
            grid.put(line, row: row, col: body.col, maxWidth: body.width, style: CellStyle(selected ? .selection : .normal))
            if selected {
                grid.restyle(Rect(row: row, col: body.col, width: body.width, height: 1), style: CellStyle(.selection))
            } else {
                for span in MatchHighlight.spans(of: words, in: line) where span.column < body.width {
                    grid.restyle(Rect(row: row, col: body.col + span.column, width: min(span.width, body.width - span.column), height: 1),
                                 style: CellStyle(.match, bold: true))
                }
            }
        }
    }

    static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// ` contact  Ravi Kumar  +919876543210 · sales`
    static func conversationLine(_ c: Conversation, state: InboxState) -> String {
        let who = TextClipping.pad(TextClipping.truncate(TerminalSafeText.field(c.displayName), to: 18), to: 18)
        var ids: [String] = []
        if let username = c.username { ids.append(TerminalSafeText.field(username)) }
        if let address = c.address { ids.append(address.kind == .phone ? "+" + address.value : TerminalSafeText.field(address.value)) }
        return " contact \(who) " + (ids + [TerminalSafeText.field(c.channel)]).joined(separator: " · ")
    }

    static func hitLine(_ hit: SearchHit, state: InboxState) -> String {
        let when = state.time.relative(hit.timestamp, now: state.now)
        let who = TextClipping.truncate(TerminalSafeText.field(hit.contactName), to: 18)
        let arrow = hit.direction == .outbound ? "→" : "←"
        return " \(TextClipping.pad(when, to: 6)) \(TextClipping.pad(who, to: 18)) \(arrow) " + TerminalSafeText.field(hit.text)
    }
}
