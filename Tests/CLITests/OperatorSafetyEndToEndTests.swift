import Foundation
import Testing

/// Operator safety in the real terminal: pasted text is one draft, clusters are drawn whole,
/// and a reply goes to the conversation on screen.
extension TUIEndToEndTests {
    func messageCount(_ store: String) throws -> Int {
        let run = try CLIRun.sample(store, ["conversations", "--json"], environment: Self.environment)
        let rows = try #require(try run.json() as? [[String: Any]])
        return rows.reduce(0) { $0 + (($1["messages"] as? Int) ?? 0) }
    }

    @Test func aPasteIsOneDraftAndItsLinesAreNeverKeys() throws {
        let store = try sampleStore()
        defer { removeStore(store) }
        let before = try messageCount(store)
        let tui = try inbox(store: store)
        defer { tui.kill() }
        try tui.waitFor("> 김민준 ✨")
        try tui.send("Enter")
        try tui.send("r")
        try tui.waitFor("Esc keeps the draft")
        try tui.paste("first line\nl\ni\nr\nlast line")
        let screen = try tui.waitFor { $0.contains("> first line") && $0.contains("  last line") }
        #expect(screen.contains("  l\n") || screen.contains("  l "), "\(screen)")
        #expect(screen.contains("Esc keeps the draft"), "still composing: nothing was sent, no key ran\n\(screen)")
        #expect(!screen.contains("Identity ("), "i did not toggle the identity pane")
        #expect(try messageCount(store) == before, "nothing left")
        try tui.send("M-Enter")
        try tui.type("and one more")
        let typed = try tui.waitFor("  and one more")
        #expect(typed.contains("  and one more"), "Alt-Enter is a newline in the draft\n\(typed)")
        #expect(try messageCount(store) == before)
    }

    @Test func zwjFamiliesAndSkinTonesAreDrawnWhole() throws {
        let store = try sampleStore()
        defer { removeStore(store) }
        let tui = try inbox(store: store)
        defer { tui.kill() }
        try tui.waitFor("> 김민준 ✨")
        try tui.send("/")
        try tui.type("color")
        try tui.send("Enter")
        try tui.waitFor("Search \"color\"")
        try tui.send("Enter")
        // tmux 3.3 measures some clusters wider than the grid does: compare the clusters
        // captured from the real screen, not where the borders fall.
        let screen = try tui.waitFor { $0.contains("another color?") }
        #expect(screen.contains("👗👩‍👩‍👧"), "the ZWJ family keeps its members\n\(screen)")
    }

    /// Issue point 3: in the unread view, opening a conversation makes it read and the list
    /// moves on when it reloads; `r` still replies to the conversation in the message pane,
    /// and the compose line names it.
    @Test func aReplyGoesToTheConversationOnScreenWhateverTheListDoes() throws {
        let store = try sampleStore()
        defer { removeStore(store) }
        let tui = try inbox(store: store)
        defer { tui.kill() }
        try tui.waitFor("> 김민준 ✨")
        try tui.send("u")
        try tui.waitFor("unread only")
        try tui.send("Enter")
        try tui.waitFor("김민준 ✨ · webex")
        // Another process writes (a new customer): the list reloads without 김민준, now read.
        let body = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Live Lena"},"user_id":"US.13491208655302749999"}],"messages":[{"from_user_id":"US.13491208655302749999","id":"wamid.LIVE2","timestamp":"1795172950","type":"text","text":{"body":"new here"}}]}}]}]}"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sb-lena-\(UUID().uuidString).json")
        try Data(body.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try CLIRun.sample(store, ["replay", file.path], environment: Self.environment).status == 0)
        let moved = try tui.waitFor { $0.contains("Live Lena") && !$0.contains("> 김민준") }
        #expect(!moved.contains("> 김민준") && moved.contains("김민준 ✨ · webex"), "the list moved on, the pane did not\n\(moved)")
        try tui.send("r")
        let screen = try tui.waitFor { $0.contains("Esc keeps the draft") || $0.contains("Esc") && $0.contains("✗") }
        #expect(screen.contains("김민준 ✨ · to KR.55667788990011") || screen.contains("김민준 ✨ via webex"), "\(screen)")
    }
}

extension TUIEndToEndTests {
    /// `:export` says what it did, or why not, in one sentence.
    @Test func exportSaysWhatItDidOrWhyNot() throws {
        let store = try sampleStore()
        defer { removeStore(store) }
        let tui = try inbox(store: store)
        defer { tui.kill() }
        try tui.waitFor("> 김민준 ✨")
        try tui.send(":")
        try tui.type("export /nonexistent/x.csv")
        try tui.send("Enter")
        var screen = try tui.waitFor("! cannot write /nonexistent/x.csv")
        #expect(screen.contains("! cannot write /nonexistent/x.csv"), "\(screen)")
        #expect(!screen.contains("CLIFailure"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sb-export-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try tui.send(":")
        try tui.type("export \(file)")
        try tui.send("Enter")
        screen = try tui.waitFor("messages to")
        #expect(screen.contains("exported "), "\(screen)")
        #expect(FileManager.default.fileExists(atPath: file))
    }
}
