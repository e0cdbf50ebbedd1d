import Foundation
import Testing

/// Triage in the real terminal: what one operator does, the store and the other inboxes see.
extension TUIEndToEndTests {
    /// A new inbound Webex message from 김민준 (the sample's newest customer).
    static func minjunWritesAgain(_ text: String, to store: String) throws {
        let body = #"{"event":"MO","channel":"whatsapp","messageId":"wx-in-again-\#(UUID().uuidString.prefix(8))","waid":"KR.55667788990011","waidSource":"bsuid","bsuid":"KR.55667788990011","userHandle":"@minjun.kim","to":"15550002222","timestamp":"1795172900","message":{"type":"text","text":{"body":"\#(text)"}},"profileName":"김민준 ✨"}"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sb-again-\(UUID().uuidString).json")
        try Data(body.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let replay = try CLIRun.sample(store, ["replay", "--provider", "webex", file.path], environment: Self.environment)
        #expect(replay.status == 0, "\(replay.stderr)")
    }

    /// `x` resolves: the row leaves Open, another command sees it resolved, and the customer
    /// writing again brings it back to Open.
    @Test func xResolvesAndAnInboundMessageBringsTheConversationBack() throws {
        let store = try sampleStore()
        defer { removeStore(store) }
        let tui = try inbox(store: store)
        defer { tui.kill() }
        try tui.waitFor("> 김민준 ✨")
        try tui.send("x")
        var screen = try tui.waitFor { $0.contains("김민준 ✨: resolved") && !$0.contains("> 김민준 ✨") }
        #expect(!screen.contains("김민준 ✨ "), "resolved: gone from Open\n\(screen)")
        #expect(screen.contains(" Open 25 — "), "\(screen)")
        let resolved = try CLIRun.sample(store, ["conversations", "--json", "--status", "resolved"], environment: Self.environment)
        let rows = try #require(try resolved.json() as? [[String: Any]])
        #expect(rows.map { $0["contact_name"] as? String } == ["김민준 ✨"])

        try Self.minjunWritesAgain("아직 답을 기다리고 있어요", to: store)
        screen = try tui.waitFor { $0.contains("아직 답을 기다리고") && $0.contains(" Open 26 — ") }
        #expect(screen.contains("김민준 ✨"), "an inbound message reopens it\n\(screen)")
    }

    /// `z` with a typed time: the conversation leaves Open and comes back by itself at that time.
    @Test func aSnoozeEndsByItselfAtItsTime() throws {
        let store = try sampleStore()
        defer { removeStore(store) }
        var environment = Self.environment
        environment["SWITCHBOARD_NOW"] = nil   // a real clock: the snooze must end on its own
        let tui = try TmuxSession.start([CLIRun.binary.path, "--config", "Assets/config.toml", "--store", store],
                                        environment: environment)
        defer { tui.kill() }
        try tui.waitFor("> 김민준 ✨")
        try tui.send("z")
        try tui.waitFor("t type a time")
        try tui.send("t")
        let typed = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3))
        let until = try #require(ISO8601DateFormatter().date(from: typed))   // whole seconds, as typed
        try tui.type(typed)
        try tui.send("Enter")
        var screen = try tui.waitFor { $0.contains("김민준 ✨: snoozed until") }
        #expect(!screen.contains("> 김민준 ✨"), "\(screen)")
        #expect(screen.contains(" Open 25 — "), "\(screen)")
        screen = try tui.waitFor({ $0.contains(" Open 26 — ") && $0.contains("김민준 ✨ ") }, attempts: 80)
        #expect(Date() >= until, "back only once its time came")
        #expect(screen.contains(" Open 26 — ") && screen.contains("김민준 ✨ "), "\(screen)")
    }

    /// Two operators on one store: each inbox shows the other's assignment, and "ana is
    /// replying…" while ana composes in the conversation bo has open.
    @Test func twoInboxesSeeEachOthersAssignmentAndPresence() throws {
        let store = try sampleStore()
        defer { removeStore(store) }
        func inbox(_ name: String) throws -> TmuxSession {
            var environment = Self.environment
            environment["SWITCHBOARD_OPERATOR"] = name
            return try TmuxSession.start([CLIRun.binary.path, "--config", "Assets/config.toml", "--store", store], environment: environment)
        }
        let ana = try inbox("ana")
        defer { ana.kill() }
        let bo = try inbox("bo")
        defer { bo.kill() }
        try ana.waitFor("> 김민준 ✨")
        try bo.waitFor("> 김민준 ✨")
        try ana.send("a")
        try ana.waitFor("김민준 ✨: assigned to ana")
        let seen = try bo.waitFor { $0.contains("김민준 ✨") && $0.contains("@ana") }
        #expect(seen.contains("@ana"), "bo's inbox shows ana's assignment\n\(seen)")
        #expect(seen.contains("Mine 0"), "\(seen)")

        try bo.send("Enter")
        try ana.send("Enter")
        try ana.send("r")
        try ana.waitFor("Esc")
        let replying = try bo.waitFor { $0.contains("ana replying…") }
        #expect(replying.contains("김민준 ✨ · webex") && replying.contains("ana replying…"), "\(replying)")
        try ana.send("Escape")
        let gone = try bo.waitFor({ !$0.contains("ana replying…") }, attempts: 50)
        #expect(!gone.contains("ana replying…"), "presence ends when ana leaves compose\n\(gone)")
    }
}
