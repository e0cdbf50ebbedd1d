import Foundation
import Testing
@_spi(Testing) import Store
@testable import TUI

/// Whole-grid golden tests for the main views: every cell of the screen, compared with a
/// committed text file (`Golden/<name>.txt`). A layout change shows up as a diff of the
/// whole screen. To accept a deliberate change: `SWITCHBOARD_RECORD_GOLDEN=1 swift test
/// --filter GoldenScreen`, then review the files with `git diff`.
@Suite("Golden screens")
struct GoldenScreenTests {
    typealias F = InboxFixtures
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = !(ProcessInfo.processInfo.environment["SWITCHBOARD_RECORD_GOLDEN"] ?? "").isEmpty

    static func check(_ grid: ScreenGrid, _ name: String) throws {
        let url = directory.appendingPathComponent(name + ".txt")
        let text = (0..<grid.height).map { grid.rowText($0) }.joined(separator: "\n") + "\n"
        if recording {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "screen \(name) differs from Golden/\(name).txt")
    }

    @Test func inboxAt100x24() throws {
        try Self.check(InboxView.render(F.state(100, 24)), "inbox-100x24")
    }

    @Test func identityPaneAt120x30() throws {
        var state = F.state(120, 30)
        state.identity.visible = true
        state.identity.detail = F.sheenaDetail
        state.identity.preview = .ready(F.route)
        try Self.check(InboxView.render(state), "identity-120x30")
    }

    @Test func narrowTerminalAt40x12() throws {
        try Self.check(InboxView.render(F.state(40, 12)), "inbox-40x12")
    }

    @Test func helpAt80x24() throws {
        var state = F.state(80, 24)
        _ = F.press(&state, .character("?"))
        try Self.check(InboxView.render(state), "help-80x24")
    }
}
