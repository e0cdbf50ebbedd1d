import Foundation
import Testing

/// The real inbox in a real terminal (tmux): start, navigate, identity details, reply through
/// the sandbox, hostile text, resize. Skipped when tmux is not installed.
@Suite("Inbox end to end (tmux)", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: end-to-end inbox tests skipped"))
struct TUIEndToEndTests {
    static let environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC", "SWITCHBOARD_NOW": "2026-11-20T11:05:00Z", "TERM": "screen-256color"]

    /// A store filled from Assets/webhooks.
    func sampleStore() throws -> String {
        let store = CLIRun.temporaryStore()
        let replay = try CLIRun.sample(store, ["replay", "Assets/webhooks"], environment: Self.environment)
        #expect(replay.stdout.contains("ingested"))
        return store
    }

    func removeStore(_ store: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
    }

    func inbox(store: String, config: String = "Assets/config.toml", columns: Int = 120, rows: Int = 40) throws -> TmuxSession {
        try TmuxSession.start([CLIRun.binary.path, "--config", config, "--store", store], columns: columns, rows: rows, environment: Self.environment)
    }

    @Test func navigateAndShowIdentityOfAPhonelessContact() throws {
        let store = try sampleStore()
        defer { removeStore(store) }
        let tui = try inbox(store: store)
        defer { tui.kill() }
        var screen = try tui.waitFor(" Open ")
        #expect(screen.contains("> 김민준 ✨"))               // the most recent conversation is selected
        try tui.send("j")
        screen = try tui.waitFor("> Sheena Nelson")
        try tui.send("i")
        screen = try tui.waitFor("bsuid_fallback")
        #expect(screen.contains("Phone     not shared"))
        #expect(screen.contains("BSUID     US.13491208655302741918"))
        #expect(screen.contains("Username  @realsheenanelson"))
        #expect(screen.contains("Uses      US.13491208655302741918"))
        try tui.send("q")
        screen = try tui.waitFor { !$0.contains("conv ·") }
        #expect(!screen.contains("conv ·"))
    }

    @Test func replyReachesTheSandboxWithTheBSUIDAsRecipient() async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let store = try sampleStore()
        defer { removeStore(store) }
        let tui = try inbox(store: store, config: sandbox.configPath)
        defer { tui.kill() }
        try tui.waitFor(" Open ")
        try tui.send("/")
        try tui.type("Salam")
        try tui.send("Enter")
        try tui.waitFor("Search \"Salam\" · 1")
        try tui.send("Enter")
        try tui.waitFor("Aisyah Rahman · support")
        try tui.send("r")
        var screen = try tui.waitFor("via support/meta")
        #expect(screen.contains("to MY.2035200694071263 (BSUID"))
        try tui.type("Terima kasih, Aisyah")
        try tui.send("Enter")
        // The sandbox accepted it: the outbox moved it from pending to sent.
        screen = try tui.waitFor { $0.contains("✓ sent") || $0.contains("failed") }
        #expect(screen.contains("→ Terima kasih, Aisyah"))
        #expect(screen.contains("✓ sent"))
        #expect(screen.contains("> Aisyah Rahman"))      // the list follows it to the top

        let sends = try await sandbox.sends()
        let send = try #require(sends.last)
        let body = try #require(send["body"] as? [String: Any])
        #expect(body["recipient"] as? String == "MY.2035200694071263")
        #expect(body["to"] == nil)   // Meta drops a BSUID in "to" silently
        #expect((body["text"] as? [String: Any])?["body"] as? String == "Terima kasih, Aisyah")
    }

    @Test func hostileMessageTextNeverReachesTheTerminal() throws {
        let store = try sampleStore()
        defer { removeStore(store) }
        let tui = try inbox(store: store)
        defer { tui.kill() }
        try tui.waitFor(" Open ")
        // The inbox names itself and its unread count in the title (through ncurses).
        let title = try tui.paneTitle()
        #expect(title.hasPrefix("switchboard ("), "\(title)")
        #expect(title.hasSuffix(" unread)"), "\(title)")
        try tui.send("/")
        try tui.type("pwned")
        try tui.send("Enter")
        try tui.waitFor("Search \"pwned\" · 1")
        try tui.send("Enter")
        // Wait for the message pane, not only its header line.
        let screen = try tui.waitFor { $0.contains("Mallory <RLO>evil<PDF> · support") && $0.contains("gnirts desrever") }
        // The escape sequences are shown, not executed: the screen was not cleared, the
        // title was not changed, the bidi override is a visible tag.
        #expect(screen.contains("␛[2J␛]0;pwned␇"))
        #expect(screen.contains("<RLO>gnirts desrever<PDF>"))
        #expect(screen.contains(" Open "))
        let after = try tui.paneTitle()
        #expect(after.hasPrefix("switchboard") && !after.contains("pwned"), "\(after)")
        #expect(!screen.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x1B })
    }

    @Test func resizeRelaysOutDownTo40x12() throws {
        let store = try sampleStore()
        defer { removeStore(store) }
        let tui = try inbox(store: store)
        defer { tui.kill() }
        try tui.waitFor(" Open ")
        try tui.resize(columns: 40, rows: 12)
        var screen = try tui.waitFor { $0.hasPrefix(" Open ") && !$0.contains("│") && $0.contains("conv ·") }
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix(" Open 2") == true)
        #expect(lines.count >= 12)
        #expect(lines[11].contains("conv ·"))                 // the status bar is the last row
        try tui.send("Enter")                                   // one pane at a time: the messages
        screen = try tui.waitFor("김민준 ✨ · webex")
        try tui.resize(columns: 100, rows: 30)
        screen = try tui.waitFor { $0.hasPrefix(" Open ") && $0.contains("│") && $0.contains("conv ·") }
        lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 30)
        #expect(lines[29].contains("conv ·"))
        #expect(lines[0].hasPrefix(" Open "))
    }
}
