import Foundation
public import Store
import Webhooks
import TerminalText

/// One screen line of the message pane.
public struct MessageLine: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case daySeparator, text, system }
    public var kind: Kind
    /// Time and direction column (`14:05 ← `), blank on continuation lines.
    public var gutter: String
    public var text: String
    public var style: CellStyle
    /// Delivery state, right-aligned on the message's last line.
    public var trailer: String?
    public var trailerStyle: CellStyle
    public var messageID: Int64?
}

/// Lays out a conversation's messages as lines for a pane width: day separators, time,
/// direction, wrapped terminal-safe text and delivery state. Shared by the view (drawing)
/// and the update (scroll limits), so both agree on how tall the history is.
public enum MessageLines {
    static let gutterWidth = 8

    /// Lines of messages with the system lines (`system`, oldest first) between them. When
    /// older history is not loaded (`olderExists`), system lines before the first loaded
    /// message wait until it is.
    public static func build(_ entries: [Message], system: [TimelineEntry] = [], olderExists: Bool = false, width: Int,
                             time: TimeFormatting, now: Double, highlight: Int64? = nil) -> [MessageLine] {
        guard width > gutterWidth + 4 else { return narrow(entries, width: width) }
        var lines: [MessageLine] = []
        var lastDay: Int?
        func day(_ at: Date) {
            let day = time.dayNumber(at)
            if day != lastDay {
                lines.append(separator(time.dayLabel(at, now: now), width: width))
                lastDay = day
            }
        }
        var pending = system[...]
        if olderExists, let first = entries.first?.timestamp { pending = pending.drop { $0.at < first } }
        for entry in entries {
            while let next = pending.first, next.at <= entry.timestamp {
                day(next.at)
                lines.append(contentsOf: systemLines(next, width: width, time: time))
                pending = pending.dropFirst()
            }
            day(entry.timestamp)
            lines.append(contentsOf: messageLines(entry, width: width, time: time, highlighted: entry.id == highlight))
        }
        for next in pending {
            day(next.at)
            lines.append(contentsOf: systemLines(next, width: width, time: time))
        }
        return lines
    }

    /// The lines of the message pane as its state holds them.
    public static func build(pane: MessagePaneState, width: Int, time: TimeFormatting, now: Double) -> [MessageLine] {
        build(pane.visibleEntries, system: pane.system, olderExists: pane.hasOlder, width: width, time: time, now: now,
              highlight: pane.highlight)
    }

    /// How many lines `entries` take (scroll math).
    public static func count(_ entries: [Message], width: Int, time: TimeFormatting, now: Double) -> Int {
        build(entries, width: width, time: time, now: now).count
    }

    /// How many lines the pane's content takes (scroll math).
    public static func count(pane: MessagePaneState, width: Int, time: TimeFormatting, now: Double) -> Int {
        build(pane: pane, width: width, time: time, now: now).count
    }

    /// `14:05 ·  resolved on demo-meta — ana`: what happened besides messages.
    static func systemLines(_ entry: TimelineEntry, width: Int, time: TimeFormatting) -> [MessageLine] {
        let who = entry.operatorName.map { " — " + TerminalSafeText.field($0, limit: 24) } ?? ""
        let text = "· " + TerminalSafeText.make(entry.text, lines: .flatten) + who
        return TextWrapping.wrap(text, width: width - gutterWidth).enumerated().map { index, line in
            MessageLine(kind: .system, gutter: index == 0 ? "\(time.clock(entry.at))   " : "", text: line,
                        style: CellStyle(entry.kind == "note" ? .note : .system), trailer: nil, trailerStyle: .normal, messageID: nil)
        }
    }

    static func separator(_ label: String, width: Int) -> MessageLine {
        let inner = " \(label) "
        let side = max(0, (width - DisplayWidth.of(inner)) / 2)
        let text = String(repeating: "─", count: side) + inner + String(repeating: "─", count: max(0, width - side - DisplayWidth.of(inner)))
        return MessageLine(kind: .daySeparator, gutter: "", text: text, style: CellStyle(.separator), trailer: nil, trailerStyle: .normal, messageID: nil)
    }

    /// How much of one message the pane lays out: a huge text must not freeze a frame. The
    /// store and `export` keep the full text.
    public static let displayCap = 4_000

    /// The text to lay out: all of it, or its first `displayCap` characters and what is left.
    static func displayText(_ text: String) -> String {
        guard text.utf8.count > displayCap else { return text }
        let shown = text.prefix(displayCap)
        let rest = text.utf8.count - shown.utf8.count
        let more = rest >= 2048 ? "\(rest / 1024) KB" : "\(rest) bytes"
        return String(shown) + "\n… \(more) more (export keeps the full text)"
    }

    static func messageLines(_ entry: Message, width: Int, time: TimeFormatting, highlighted: Bool) -> [MessageLine] {
        let textWidth = width - gutterWidth
        let body = entry.text.isEmpty ? "[\(entry.type)]" : TerminalSafeText.make(displayText(entry.text), lines: .keep)
        var wrapped = TextWrapping.wrap(body, width: textWidth)
        if wrapped.isEmpty { wrapped = [""] }
        let arrow = entry.isOutbound ? "→" : "←"
        var style = CellStyle(entry.isOutbound ? .outbound : .inbound)
        if highlighted { style = CellStyle(.highlight) }
        var lines = wrapped.enumerated().map { index, text in
            MessageLine(
                kind: .text, gutter: index == 0 ? "\(time.clock(entry.timestamp)) \(arrow) " : "",
                text: text, style: style, trailer: nil, trailerStyle: .normal, messageID: entry.id)
        }
        if entry.isOutbound, let (label, role) = deliveryLabel(entry) {
            let last = lines.count - 1
            if DisplayWidth.of(lines[last].text) + 1 + DisplayWidth.of(label) <= textWidth {
                lines[last].trailer = label
                lines[last].trailerStyle = CellStyle(role)
            } else {
                lines.append(MessageLine(kind: .text, gutter: "", text: "", style: style, trailer: label, trailerStyle: CellStyle(role), messageID: entry.id))
            }
        }
        return lines
    }

    /// `✓✓ read`, `✗ failed 131047`… for outbound messages.
    public static func deliveryLabel(_ entry: Message) -> (String, StyleRole)? {
        switch entry.status ?? .pending {
        case .pending: return ("… pending", .pending)
        case .sent: return ("✓ sent", .pending)
        case .warning: return ("✓ sent (warning)", .pending)
        case .delivered: return ("✓✓ delivered", .delivered)
        case .read, .played: return ("✓✓ read", .read)
        case .failed:
            let code = entry.errorCode.map { " " + TerminalSafeText.field($0, limit: 40) } ?? ""
            return ("✗ failed\(code)", .failed)
        case .deleted: return ("deleted", .dim)
        }
    }

    /// Panes too narrow for a gutter: text only.
    static func narrow(_ entries: [Message], width: Int) -> [MessageLine] {
        guard width > 0 else { return [] }
        return entries.flatMap { entry in
            TextWrapping.wrap(TerminalSafeText.make(displayText(entry.text), lines: .keep), width: width).map {
                MessageLine(kind: .text, gutter: "", text: $0, style: .normal, trailer: nil, trailerStyle: .normal, messageID: entry.id)
            }
        }
    }
}
