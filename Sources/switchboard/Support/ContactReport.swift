import Foundation
import Identity
import Store
import TerminalText

/// The human-readable form of `show`.
enum ContactReport {
    static func text(_ c: Contact, conversations: [Conversation], merges: [MergeRecord],
                     conflicts: [ConflictRecord], unverified: [UnverifiedChange]) -> String {
        var lines = [
            "\(TextTable.safe(c.displayName))  (contact \(c.id))",
            "  phone         \(c.phone.map { "+" + $0 } ?? "not shared")",
            "  BSUID         \(c.bsuid ?? "-")",
            "  parent BSUID  \(c.parentBSUID ?? "-")",
            "  username      \(TextTable.safe(c.username ?? "-"))",
            "  country       \(c.country ?? "-")",
            "  source        \(c.identitySource.rawValue)",
            "identifiers:",
        ]
        for id in c.identifiers {
            let state = id.current ? "current" : "superseded \(id.supersededAt.map(RecordJSON.iso) ?? "")"
            lines.append("  \(id.kind.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(id.value)"
                         + (id.scope.map { "  [\($0)]" } ?? "") + "  since \(RecordJSON.iso(id.firstSeen))  \(state)")
        }
        for u in c.usernames {
            lines.append("  username      \(TextTable.safe(u.username))  since \(RecordJSON.iso(u.firstSeen))  \(u.current ? "current" : "earlier")")
        }
        if !merges.isEmpty {
            lines.append("merges:")
            lines += merges.map { "  contact \($0.merged) → \($0.survivor) (\($0.reason)) at \(RecordJSON.iso($0.at))" }
        }
        if !conflicts.isEmpty {
            lines.append("phone conflicts (not merged):")
            lines += conflicts.map { "  +\($0.phone)" + ($0.otherContact.map { " held by contact \($0)" } ?? "") }
        }
        if !unverified.isEmpty {
            lines.append("unverified identity changes (not applied; `switchboard apply-change ID` applies one):")
            lines += unverified.map { "  #\($0.id) \(TextTable.safe($0.summary)) at \(RecordJSON.iso($0.at))" }
        }
        lines.append("conversations:")
        lines += conversations.map {
            "  #\($0.id) \($0.channel): \($0.messageCount) messages, \($0.unread) unread, last \($0.lastMessageAt.map(RecordJSON.iso) ?? "-")"
        }
        return lines.joined(separator: "\n")
    }

    /// One line per channel: the identifier a text reply would use and why, or the refusal.
    static func plans(_ decisions: [ReplyDecision]) -> String {
        (["reply plans (text):"] + decisions.map { decision in
            switch decision {
            case .plan(let plan):
                "  \(plan.channel.name.padding(toLength: 14, withPad: " ", startingAt: 0)) to \(plan.identifier.value) (\(plan.identifier.kind.rawValue)): \(plan.reason)"
            case .refusal(let refusal):
                "  \(refusal.channel.padding(toLength: 14, withPad: " ", startingAt: 0)) refused \(refusal.code.rawValue): \(refusal.message)"
            }
        }).joined(separator: "\n")
    }
}
