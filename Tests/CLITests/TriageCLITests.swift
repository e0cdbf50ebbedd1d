import Foundation
import Testing

/// Triage from the command line (SPEC §4): resolve, reopen, snooze, assign, mark, note on
/// several CONVs; the new `conversations` fields and filters; `show --json` `timeline`; all of
/// it kept by `rebuild`.
@Suite("Triage commands")
struct TriageCLITests {
    static let environment = ["SWITCHBOARD_NOW": "2026-11-20T11:05:00Z", "SWITCHBOARD_OPERATOR": "ana"]

    static func run(_ store: String, _ arguments: [String]) throws -> CLIRun {
        try CLIRun.sample(store, arguments, environment: environment)
    }

    static func conversations(_ store: String, _ filters: [String] = []) throws -> [[String: Any]] {
        try #require(try run(store, ["conversations", "--json"] + filters).json() as? [[String: Any]])
    }

    @Test func aTriageRoundOnTheCommandLine() throws {
        let store = CLIRun.temporaryStore()
        #expect(try Self.run(store, ["replay", "Assets/webhooks"]).status == 0)
        let all = try Self.conversations(store)
        let first = try #require(all.first)
        #expect(first["status"] as? String == "open")
        #expect(first["last_direction"] as? String == "in")
        #expect(first["window_closes_at"] as? String != nil)

        let resolved = try Self.run(store, ["resolve", "1", "2", "--json"])
        #expect(resolved.status == 0, "\(resolved.stderr)")
        let updated = try #require(try resolved.json() as? [[String: Any]])
        #expect(updated.map { $0["status"] as? String } == ["resolved", "resolved"])
        #expect(try Self.conversations(store, ["--status", "resolved"]).count == 2)
        #expect(try Self.conversations(store, ["--status", "open"]).count == all.count - 2)

        #expect(try Self.run(store, ["assign", "@realsheenanelson", "--channel", "support", "--me"]).status == 0)
        let mine = try Self.conversations(store, ["--assignee", "me"])
        #expect(mine.map { $0["channel"] as? String } == ["support"])
        #expect(mine.first?["assignee"] as? String == "ana")
        let ambiguous = try Self.run(store, ["assign", "@realsheenanelson", "--me"])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("conversations:"))

        let snooze = try Self.run(store, ["snooze", "3", "--until", "4h", "--json"])
        let snoozed = try #require(try snooze.json() as? [[String: Any]])
        #expect(snoozed.first?["snoozed_until"] as? String == "2026-11-20T15:05:00Z")
        let later = try CLIRun.sample(store, ["conversations", "--json", "--status", "snoozed"],
                                      environment: ["SWITCHBOARD_NOW": "2026-11-20T16:00:00Z"])
        #expect(try #require(try later.json() as? [[String: Any]]).isEmpty, "a snooze ends by itself")

        #expect(try Self.run(store, ["mark", "1", "--read"]).status == 0)
        #expect(try Self.conversations(store, ["--unread"]).allSatisfy { $0["id"] as? String != "1" })
        #expect(try Self.run(store, ["note", "1", "--text", "waiting for the invoice"]).status == 0)
        #expect(try Self.run(store, ["note", "1", "--text", "  "]).status == 2)
        #expect(try Self.run(store, ["resolve", "99999"]).status == 1)

        #expect(try Self.run(store, ["rebuild"]).status == 0)
        #expect(try Self.conversations(store, ["--status", "resolved"]).count == 2)
        #expect(try Self.conversations(store, ["--assignee", "ana"]).count == 1)
        let show = try #require(try Self.run(store, ["show", "+14255551234", "--json"]).json() as? [String: Any])
        let timeline = try #require(show["timeline"] as? [[String: Any]])
        #expect(timeline.contains { $0["kind"] as? String == "note" && $0["text"] as? String == "waiting for the invoice" })
        #expect(timeline.contains { $0["kind"] as? String == "status" && $0["operator"] as? String == "ana" })
    }

    /// `--me` with nobody named (no SWITCHBOARD_OPERATOR, config operator or $USER) is an
    /// error, never a silent unassign or an assignee called "me".
    @Test func meWithoutAnOperatorIsAnError() throws {
        let store = CLIRun.temporaryStore()
        #expect(try Self.run(store, ["replay", "Assets/webhooks"]).status == 0)
        let run = try CLIRun.sample(store, ["assign", "1", "--me"], environment: ["SWITCHBOARD_OPERATOR": "", "USER": ""])
        #expect(run.status == 2)
        #expect(run.stderr.contains("who is \"me\""))
    }
}
