@testable import TerminalText
import Foundation
import Testing
@_spi(Testing) import Store
@testable import TUI

@Suite("Screen model")
struct InboxViewTests {
    typealias F = InboxFixtures

    @Test func wideScreenShowsListAndMessages() {
        let grid = InboxView.render(F.state(120, 40))
        let text = grid.text
        #expect(grid.rowText(0).hasPrefix(" Open 3 — Mine 0 · Unassigned 3"), "\(grid.rowText(0))")
        #expect(text.contains("Sheena Nelson"))
        #expect(text.contains("> Sheena Nelson"))         // the selection
        #expect(text.contains("(2) ID 2m"))             // unread, identity badge, relative time
        #expect(text.contains("Ravi Kumar"))
        #expect(text.contains("☎ 3h"))
        #expect(text.contains("MY.2035551234"))          // phone-less, nameless: its identifier
        #expect(text.contains("Is my order on its way?"))
        #expect(text.contains("Yesterday"))              // day separators
        #expect(text.contains("Today"))
        #expect(text.contains("✓✓ read"))
        #expect(text.contains("✗ failed 131047"))
        #expect(text.contains("→ It ships today 🚚"))
        #expect(grid.rowText(39).contains("3 conv · 1 unread · event 2m · inbox.sqlite"))
    }

    @Test func hostileTextIsShownAsPlaceholders() {
        let grid = InboxView.render(F.state(120, 40))
        let text = grid.text
        #expect(text.contains("␛]0;pwned␇<RLO>txt.exe"))
        #expect(text.contains("␛[2J<RLO>evil"))
        for cell in grid.cells {
            for scalar in cell.grapheme.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F..<0xA0).contains(scalar.value))
                #expect(TerminalSafeText.bidiControlName(scalar.value) == nil)
            }
        }
    }

    @Test(arguments: [(120, 40), (80, 24), (40, 12), (41, 13), (20, 6), (1, 1), (0, 0)])
    func everyRowIsExactlyTheScreenWide(_ columns: Int, _ rows: Int) {
        var state = F.state(columns, rows)
        state.identity.visible = true
        state.identity.detail = F.sheenaDetail
        for mode in [InboxState.Mode.browse, .compose, .help, .searchResults] {
            state.mode = mode
            let grid = InboxView.render(state)
            #expect(grid.height == rows)
            for row in 0..<rows {
                #expect(DisplayWidth.of(grid.rowText(row)) == columns)
            }
        }
    }

    @Test func smallTerminalShowsOnePaneAtATime() {
        var state = F.state(40, 12)
        var grid = InboxView.render(state)
        #expect(grid.rowText(0).hasPrefix(" Open 3 — Mine 0 · Unassigned 3"), "\(grid.rowText(0))")
        #expect(grid.text.contains("Sheena Nelson"))
        #expect(!grid.text.contains("Yesterday"))
        state.focus = .messages
        grid = InboxView.render(state)
        #expect(grid.rowText(0).hasPrefix(" Sheena Nelson · support"))
        #expect(grid.text.contains("Is my order"))
        #expect(grid.rowText(11).hasPrefix(" 3 conv · 1 unread"))
    }

    @Test func identityDetailsOfAPhonelessContact() {
        var state = F.state(120, 40)
        state.identity.visible = true
        state.identity.detail = F.sheenaDetail
        state.identity.preview = .ready(F.route)
        let text = InboxView.render(state).text
        #expect(text.contains("Phone     not shared"))
        #expect(text.contains("BSUID     US.13491208655302741918"))
        #expect(text.contains("Parent    US.ENT.11815799212886844830"))
        #expect(text.contains("Username  @realsheenanelson"))
        #expect(text.contains("Country   US"))
        #expect(text.contains("Source    bsuid_fallback"))
        #expect(text.contains("Uses      US.13491208655302741918"))
        #expect(text.contains("Why       phone not shared"))
        #expect(text.contains("BSUID     US.1111 until 2026-03-12"))
        #expect(text.contains("contact 7"))
    }

    @Test func composeLineShowsThePlanFirst() {
        var state = F.state(120, 40)
        state.mode = .compose
        state.compose = ComposeState(conversation: F.sheena, text: "On its way", preview: .ready(F.route))
        let grid = InboxView.render(state)
        #expect(grid.rowText(36).contains("Sheena Nelson · to US.13491208655302741918 (BSUID, phone not shared) via support/meta"), "\(grid.text)")
        #expect(grid.rowText(38).hasPrefix("> On its way"))
        #expect(grid.rowText(38).contains("10/4096"))
    }

    @Test func refusalOffersTheTemplatePicker() {
        var state = F.state(120, 40)
        state.mode = .compose
        let refusal = ReplyRefusal(code: "service_window_closed", message: "The customer last wrote over 24 h ago", templates: ["order_update", "follow_up"])
        state.compose = ComposeState(conversation: F.sheena, text: "", preview: .refused(refusal))
        let grid = InboxView.render(state)
        #expect(grid.rowText(36).contains("Sheena Nelson via support · ✗ The customer last wrote over 24 h ago · Ctrl-T template"), "\(grid.text)")
    }

    @Test func searchResultsAndHelp() {
        var state = F.state(120, 40)
        state.mode = .searchResults
        state.search = SearchState(query: "lamp", results: [
            SearchHit(messageID: 100, conversationID: 1, contactName: "Sheena Nelson", channel: "support", direction: .inbound, text: "Hi, I ordered a lamp last week", timestamp: F.date(ago: 86_400)),
        ], selectedIndex: 0, ranQuery: "lamp")
        var text = InboxView.render(state).text
        #expect(text.contains("Search \"lamp\" · 1"))
        #expect(text.contains("1d     Sheena Nelson      ← Hi, I ordered a lamp last week"))
        state.mode = .help
        text = InboxView.render(state).text
        #expect(text.contains("Keys (Esc closes)"))
        #expect(text.contains("toggle identity details"))
    }

    @Test func statusBarShowsTheLastError() {
        var state = F.state(80, 24)
        state.status.lastError = "send failed: timeout"
        #expect(InboxView.render(state).rowText(23).contains("! send failed: timeout"))
    }
}

@Suite("Huge messages")
struct HugeMessageTests {
    typealias F = InboxFixtures

    @Test func aHugeTextIsCappedForLayout() {
        var state = F.state(100, 30)
        let huge = Message(id: 500, conversationID: 1, direction: .inbound, text: String(repeating: "abc ", count: 2_500_000),
                           timestamp: F.date(ago: 60))
        state.messages = MessagePaneState(conversation: F.sheena, entries: [huge])
        let text = InboxView.render(state).text
        #expect(text.contains("9761 KB more (export keeps the full text)"))
        #expect(text.contains("abc abc"))
    }

    @Test func aHugeNameAndPreviewAreClipped() {
        var state = F.state(100, 30)
        var named = F.sheena
        named.name = String(repeating: "Ñ", count: 3_000_000)
        named.preview = String(repeating: "p", count: 3_000_000)
        state.list.rows[0] = named
        let text = InboxView.render(state).text
        #expect(text.contains("> ÑÑÑÑ"))
        #expect(text.contains("pppp"))
    }
}
