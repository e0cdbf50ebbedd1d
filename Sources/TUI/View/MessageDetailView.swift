import Foundation
import Store
import TerminalText
import Webhooks

/// `Enter` on a message: what the store knows of it — provider id, identifiers it carried,
/// the error, and (outgoing) every delivery step with its time.
enum MessageDetailView {
    static func lines(_ state: InboxState) -> [(String, String)] {
        guard let m = InboxUpdate.detailedMessage(state) else { return [("", "message not loaded")] }
        func when(_ date: Date) -> String { date.formatted(.iso8601) }
        var rows: [(String, String)] = [
            ("direction", m.isOutbound ? "outgoing (from us)" : "incoming (from the customer)"),
            ("time", when(m.timestamp)),
            ("type", TerminalSafeText.field(m.type)),
            ("channel", TerminalSafeText.field(m.channel)),
            ("provider id", m.providerMessageID.map { TerminalSafeText.field($0) } ?? "none (not accepted by the provider)"),
        ]
        let carried: [(String, String?)] = [("phone", m.phone.map { "+" + $0 }), ("BSUID", m.bsuid), ("parent BSUID", m.parentBSUID),
                                            ("username", m.username)]
        let present = carried.compactMap { label, value in value.map { (label, TerminalSafeText.field($0)) } }
        rows += present.isEmpty ? [("identifiers", "none carried")] : present
        if let status = m.status { rows.append(("status", status.rawValue)) }
        if m.errorCode != nil || m.errorTitle != nil {
            rows.append(("error", [m.errorCode, m.errorTitle].compactMap { $0.map { TerminalSafeText.field($0) } }.joined(separator: " — ")))
        }
        for (index, step) in state.details.history.enumerated() {
            var text = "\(state.time.clock(step.at)) \(step.status.rawValue)"
            if let code = step.errorCode { text += " \(TerminalSafeText.field(code))" }
            if let title = step.errorTitle { text += " — " + TerminalSafeText.field(title) }
            rows.append((index == 0 ? "history" : "", text))
        }
        if m.isOutbound, state.details.history.isEmpty { rows.append(("history", "no delivery steps recorded")) }
        rows.append(("text", TerminalSafeText.field(m.text.isEmpty ? "[\(m.type)]" : m.text, limit: 200)))
        return rows
    }

    static func draw(_ state: InboxState, in area: Rect, grid: inout ScreenGrid) {
        let rows = lines(state)
        let labelWidth = 13
        let width = min(area.width, 100)
        let height = min(area.height, rows.count + 2)
        guard width >= 20, height >= 3 else { return }
        let box = Rect(row: area.row + (area.height - height) / 2, col: area.col + (area.width - width) / 2, width: width, height: height)
        grid.fill(box, style: CellStyle(.normal))
        InboxView.title("Message details (j/k: other messages, any key closes)", in: Rect(row: box.row, col: box.col, width: box.width, height: 1),
                        grid: &grid, focused: true)
        for (i, row) in rows.prefix(box.height - 2).enumerated() {
            let y = box.row + 1 + i
            grid.put(" " + TextClipping.pad(row.0, to: labelWidth), row: y, col: box.col, maxWidth: labelWidth + 1, style: CellStyle(.title, bold: true))
            grid.put(" " + row.1, row: y, col: box.col + labelWidth + 1, maxWidth: box.width - labelWidth - 2)
        }
        InboxView.frame(box, grid: &grid)
    }
}
