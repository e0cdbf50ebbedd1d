import Foundation
import Identity
import Synchronization
import Testing
import Webhooks
@_spi(Testing) @testable import Store
@testable import TUI

/// A clock the test moves (snoozes end by themselves).
final class TestClock: Sendable {
    private let value: Mutex<Double>
    init(_ start: Double) { value = Mutex(start) }
    var now: Double { value.withLock { $0 } }
    func advance(_ seconds: Double) { value.withLock { $0 += seconds } }
}

/// The team workflow keys against a real store, through the same runtime as the terminal.
@Suite("Team workflow in the inbox")
struct TeamWorkflowInboxTests {
    static let t0 = 1_795_200_000.0

    struct Setup {
        let fixture: BrowseFixtures
        let clock: TestClock
        var inbox: HeadlessInbox
        var screen: String { InboxView.render(inbox.state).text }

        init(conversations: [(String, Int)] = [("Rosa Díaz", 0)]) throws {
            fixture = try BrowseFixtures()
            clock = TestClock(TeamWorkflowInboxTests.t0)
            for (offset, (name, unread)) in conversations.enumerated() {
                let contact = try fixture.contact(name: name, phone: "1650555010\(offset)")
                try fixture.conversation(contact: contact, unread: unread, at: TeamWorkflowInboxTests.t0 - 100 - Double(offset) * 100, preview: "hi")
            }
            let clock = clock
            let environment = InboxEnvironment(store: fixture.store, clock: { clock.now }, operatorName: "ana")
            inbox = HeadlessInbox(environment: environment, size: TerminalSize(columns: 120, rows: 30))
            inbox.start()
        }

        mutating func press(_ keys: KeyEvent...) { for key in keys { inbox.press(key) } }
        mutating func type(_ text: String) { for c in text { inbox.press(.character(c)) } }
        func stored(_ id: Int64) throws -> Conversation { try #require(try fixture.store.conversation(id: id)) }
    }

    @Test func zSnoozesWithAChoiceAndTheSnoozeEndsByItself() throws {
        var s = try Setup()
        defer { s.fixture.remove() }
        let id = try #require(s.inbox.state.list.selected?.id)
        s.press(.character("z"))
        #expect(s.screen.contains("snooze Rosa Díaz: 1 in 1 h · 2 in 4 h · 3 tomorrow 09:00 · 4 next Monday 09:00 · t type a time"), "\(s.screen)")
        s.press(.character("2"))
        let snoozed = try s.stored(id)
        #expect(snoozed.status == .snoozed)
        #expect(snoozed.snoozedUntil == Date(timeIntervalSince1970: Self.t0 + 4 * 3600))
        #expect(s.screen.contains("Nothing in Open"), "\(s.screen)")
        #expect(s.inbox.state.status.counts.views[.snoozed] == 1)
        s.clock.advance(4 * 3600)
        s.inbox.dispatch(.tick(now: s.clock.now))
        #expect(s.inbox.state.list.rows.map(\.id) == [id], "the snooze ended: back in Open")
        #expect(s.screen.contains("Open 1"))
        #expect(s.inbox.state.status.counts.views[.snoozed] == 0)
    }

    @Test func aTypedSnoozeTimeIsCheckedBeforeAnythingIsStored() throws {
        var s = try Setup()
        defer { s.fixture.remove() }
        let id = try #require(s.inbox.state.list.selected?.id)
        s.press(.character("z"), .character("t"))
        s.type("soon")
        s.press(.enter)
        #expect(s.inbox.state.mode == .prompt)
        #expect(s.inbox.state.status.lastError?.contains("is not a future time") == true)
        #expect(try s.stored(id).status == .open)
        for _ in 0..<4 { s.press(.backspace) }
        s.type("30m")
        s.press(.enter)
        #expect(try s.stored(id).snoozedUntil == Date(timeIntervalSince1970: Self.t0 + 1800))
        #expect(s.inbox.state.mode == .browse)
    }

    @Test func capitalAAssignsToANamedOperatorAndNAddsANoteShownInTheTimeline() throws {
        var s = try Setup()
        defer { s.fixture.remove() }
        let id = try #require(s.inbox.state.list.selected?.id)
        s.press(.character("A"))
        #expect(s.screen.contains("assign Rosa Díaz to (empty: nobody):"))
        s.type("bo")
        s.press(.enter)
        #expect(try s.stored(id).assignee == "bo")
        #expect(s.screen.contains("@bo"), "\(s.screen)")
        s.press(.character("n"))
        s.type("called back, wants a refund")
        s.press(.enter)
        s.press(.enter)   // open the conversation: its timeline shows the system lines
        let screen = s.screen
        #expect(screen.contains("· assigned to bo on support — ana"), "\(screen)")
        #expect(screen.contains("· called back, wants a refund — ana"), "\(screen)")
        s.press(.character("A"))
        for _ in 0..<2 { s.press(.backspace) }
        s.press(.enter)
        #expect(try s.stored(id).assignee == nil)
    }

    @Test func bracketsJumpBetweenUnreadAndCapitalUMarksUnread() throws {
        var s = try Setup(conversations: [("Ana", 0), ("Bea", 2), ("Cai", 0), ("Dov", 1)])
        defer { s.fixture.remove() }
        #expect(s.inbox.state.list.selected?.displayName == "Ana")
        s.press(.character("]"))
        #expect(s.inbox.state.list.selected?.displayName == "Bea")
        s.press(.character("]"))
        #expect(s.inbox.state.list.selected?.displayName == "Dov")
        s.press(.character("]"))
        #expect(s.inbox.state.list.selected?.displayName == "Dov")
        #expect(s.inbox.state.status.notice == "no more unread conversations in this view")
        s.press(.character("["))
        #expect(s.inbox.state.list.selected?.displayName == "Bea")
        s.press(.character("k"), .character("U"))   // Ana, read so far
        let ana = try #require(s.inbox.state.list.selected)
        #expect(try s.stored(ana.id).unread == 1)
        #expect(s.screen.contains("Ana") && s.inbox.state.status.counts.unreadConversations == 3)
    }

    @Test func resolvingInTheMessagePaneActsOnThatConversationAndTheRowBelowTakesItsPlace() throws {
        var s = try Setup(conversations: [("Ana", 1), ("Bea", 0)])
        defer { s.fixture.remove() }
        s.press(.enter)   // Ana's messages have focus
        s.press(.character("x"))
        #expect(s.inbox.state.list.rows.map(\.displayName) == ["Bea"])
        #expect(s.inbox.state.list.selected?.displayName == "Bea")
        #expect(s.inbox.state.focus == .list)
        #expect(s.inbox.state.status.notice == "Ana: resolved")
    }
}

/// The same keys as pure updates and screens (no store).
@Suite("Team workflow screens")
struct TeamWorkflowScreenTests {
    typealias F = InboxFixtures

    @Test func yCopiesTheReplyIdentifierThroughTheTerminal() {
        var state = F.state()
        let effects = F.press(&state, .character("y"))
        #expect(effects == [.copy("US.13491208655302741918")])
        #expect(state.status.notice == "copied US.13491208655302741918 to the clipboard (OSC 52)")
    }

    @Test func enterOnAMessageShowsItsDetailsAndJKStepThroughThem() {
        var state = F.state(120, 40)
        state.focus = .messages
        var effects = F.press(&state, .enter)
        #expect(state.mode == .messageDetails)
        #expect(effects == [.loadDeliveryHistory(messageID: 103)])
        effects = F.press(&state, .character("k"))
        #expect(effects == [.loadDeliveryHistory(messageID: 102)])
        _ = InboxUpdate.apply(&state, .deliveryHistoryLoaded(messageID: 102, [
            DeliveryEvent(status: .pending, at: F.date(ago: 600)),
            DeliveryEvent(status: .failed, at: F.date(ago: 590), errorCode: "131047", errorTitle: "Re-engagement message"),
        ]))
        let text = InboxView.render(state).text
        #expect(text.contains("Message details"))
        #expect(text.contains("direction     outgoing (from us)"), "\(text)")
        #expect(text.contains("error         131047"))
        #expect(text.contains("history       13:55 pending"))
        #expect(text.contains("13:55 failed 131047 — Re-engagement message"))
        #expect(text.contains("provider id   none (not accepted by the provider)"))
        _ = F.press(&state, .escape)
        #expect(state.mode == .browse)
    }

    @Test func systemLinesSitBetweenTheMessagesAtTheirTime() {
        let system = [
            TimelineEntry(at: F.date(ago: 86_800), kind: "assigned", text: "assigned to ana on support", operatorName: "bo", conversationID: 1),
            TimelineEntry(at: F.date(ago: 60), kind: "note", text: "promised a refund", operatorName: "ana", conversationID: 1),
        ]
        let lines = MessageLines.build(F.messages, system: system, width: 80, time: F.utc, now: F.now).map(\.text)
        let assigned = lines.firstIndex { $0.contains("assigned to ana on support — bo") }
        let lamp = lines.firstIndex { $0.contains("lamp") }
        let check = lines.firstIndex { $0.contains("Let me check") }
        let note = lines.firstIndex { $0.contains("promised a refund — ana") }
        #expect(assigned != nil && note != nil)
        #expect(lamp! < assigned! && assigned! < check!)
        #expect(note == lines.count - 1)
        // Lines older than the loaded page wait until older history is loaded.
        let paged = MessageLines.build(Array(F.messages.suffix(2)), system: system, olderExists: true, width: 80, time: F.utc, now: F.now)
        #expect(!paged.contains { $0.text.contains("assigned to ana") })
    }

    @Test func listRowsShowFailedDraftAssigneeChannelAndTheWindow() {
        var state = F.state(100, 24)
        state.showsChannels = true
        var sheena = F.sheena
        sheena.lastSendFailed = true
        sheena.hasDraft = true
        sheena.assignee = "ana"
        sheena.lastDirection = .outbound
        sheena.lastInboundAt = F.date(ago: 20 * 3600)      // 4 h left
        var ravi = F.ravi
        ravi.lastInboundAt = F.date(ago: 30 * 3600)        // closed
        state.list.rows = [sheena, ravi, F.anonymous]
        let grid = InboxView.render(state)
        #expect(grid.rowText(1).contains("Sheena Nelson") && grid.rowText(1).contains(" @ana (2) ID 2m"), "\(grid.rowText(1))")
        #expect(grid.rowText(2).hasPrefix("  ✗ ✎ you: Is m"), "\(grid.rowText(2))")
        #expect(grid.rowText(2).contains("support · 4h left"), "\(grid.rowText(2))")
        #expect(grid.rowText(4).contains("sales · closed"), "\(grid.rowText(4))")
    }

    @Test func searchListsConversationsFirstAndNSteppsThroughTheHits() {
        var state = F.state(120, 40)
        _ = F.press(&state, .character("/"), .character("o"), .character("r"), .enter)
        _ = InboxUpdate.apply(&state, .conversationsFound(query: "or", [F.ravi]))
        let hits = [100, 103].map {
            SearchHit(messageID: Int64($0), conversationID: 1, contactName: "Sheena Nelson", channel: "support", direction: .inbound,
                      text: $0 == 100 ? "Hi, I ordered a lamp" : "Is my order on its way?", timestamp: F.date(ago: 500))
        }
        _ = InboxUpdate.apply(&state, .searchFinished(query: "or", hits))
        var text = InboxView.render(state).text
        #expect(text.contains("Search \"or\" · 1 conversation · 2 messages"), "\(text)")
        #expect(text.contains("Ravi Kumar") && text.contains("+919876543210"))
        _ = F.press(&state, .character("j"), .enter)   // the first message hit
        #expect(state.search.active == "or")
        #expect(state.pendingJump == SearchJump(conversationID: 1, messageID: 100))
        var effects = F.press(&state, .character("n"))
        #expect(state.pendingJump == SearchJump(conversationID: 1, messageID: 103))
        #expect(effects.contains(.markRead(conversationID: 1)))
        effects = F.press(&state, .character("N"))
        #expect(state.pendingJump == SearchJump(conversationID: 1, messageID: 100))
        state.messages = MessagePaneState(conversation: F.sheena, entries: F.messages)
        text = InboxView.render(state).text
        #expect(text.contains("search \"or\" · n next · N previous"))
        let grid = InboxView.render(state)
        let row = (0..<grid.height).first { grid.rowText($0).contains("ordered a lamp") }!
        let col = grid.rowText(row).range(of: "ordered").map { grid.rowText(row).distance(from: grid.rowText(row).startIndex, to: $0.lowerBound) }!
        #expect(grid[row, col + 0].style.role == .match)   // "or" of "ordered" is highlighted
        #expect(grid[row, col + 2].style.role != .match)
        _ = F.press(&state, .escape)
        #expect(state.search.active == nil)
    }

    @Test func newInboundMessagesRingTheBellAndSetTheTitleUnlessTheBellIsOff() {
        var state = F.state()
        var counts = InboxCounts(conversations: 3, unreadConversations: 1)
        counts.unreadMessages = 2
        var fresh = state
        fresh.status.countsKnown = false
        #expect(InboxUpdate.apply(&fresh, .countsLoaded(counts)) == [.alert(unread: 1, ring: false)])   // start: title only
        counts.unreadMessages = 3
        counts.unreadConversations = 2
        #expect(InboxUpdate.apply(&fresh, .countsLoaded(counts)) == [.alert(unread: 2, ring: true)])
        #expect(InboxUpdate.apply(&fresh, .countsLoaded(counts)) == [])
        state = fresh
        state.bell = false
        counts.unreadMessages = 4
        #expect(InboxUpdate.apply(&state, .countsLoaded(counts)) == [.alert(unread: 2, ring: false)])
    }

    @Test func aClickSelectsTheRowUnderItAndTheWheelScrolls() {
        var state = F.state(120, 40)
        _ = InboxUpdate.apply(&state, .key(.mouse(MouseEvent(kind: .click, row: 3, col: 5))))
        #expect(state.list.selectedIndex == 1)
        _ = InboxUpdate.apply(&state, .key(.mouse(MouseEvent(kind: .wheelDown, row: 3, col: 5))))
        #expect(state.list.selectedIndex == 2)
        _ = InboxUpdate.apply(&state, .key(.mouse(MouseEvent(kind: .click, row: 10, col: 80))))
        #expect(state.focus == .messages)
    }

    @Test func anotherOperatorComposingShowsInTheComposeLineAndTheTitle() {
        var state = F.state(120, 40)
        state.operatorName = "ana"
        _ = InboxUpdate.apply(&state, .presenceLoaded(conversationID: 1, ["ana", "bo"]))
        #expect(state.messages.composing == ["bo"])
        _ = F.press(&state, .character("r"))
        let text = InboxView.render(state).text
        #expect(text.contains(" bo is replying…"), "\(text)")
        #expect(InboxView.render(state).rowText(0).contains("bo replying…"))
        #expect(InboxUpdate.apply(&state, .tick(now: F.now + 30)).contains(.loadPresence(conversationID: 1)))
    }

    @Test func theFirstRunSaysWhereTheConfigGoesAndOffersTheDemo() {
        var state = F.state(100, 24)
        state.list.rows = []
        state.status.counts = InboxCounts()
        state.messages = MessagePaneState()
        state.missingConfigPath = "/home/ana/.config/switchboard/config.toml"
        let text = InboxView.render(state).text
        #expect(text.contains("No config yet. It goes here:"))
        #expect(text.contains("/home/ana/.config/switchboard/con"))
        #expect(text.contains("fig.toml"))
        #expect(text.contains("switchboard demo"))
        #expect(text.contains("switchboard check"))
    }

    @Test func helpScrollsToItsLastLineAt80x24AndListsEveryAction() {
        var state = F.state(80, 24)
        _ = F.press(&state, .character("?"))
        _ = F.press(&state, .character("G"))
        #expect(state.mode == .help)
        let text = InboxView.render(state).text
        #expect(text.contains("quit (drafts are kept)"), "\(text)")
        #expect(text.contains(":q  :export PATH"))
        _ = F.press(&state, .character("x"))
        #expect(state.mode == .browse)
        for action in Action.allCases { #expect(!state.keymap.keys(for: action).isEmpty, "\(action) has no key") }
    }

    @Test func vCyclesTheViewsAndNamesThemWithCounts() {
        var state = F.state(120, 40)
        var seen: [ConversationView] = []
        for _ in 0..<6 {
            let effects = F.press(&state, .character("v"))
            seen.append(state.list.view)
            #expect(effects.contains { if case .loadList(let r) = $0 { r.view == state.list.view && r.move == .top } else { false } })
        }
        #expect(seen == [.mine, .unassigned, .snoozed, .resolved, .all, .open])
        #expect(ConversationListView.header(state) == "Open 3 — Mine 0 · Unassigned 3 · Snoozed 0 · Resolved 0 · All 3")
        #expect(InboxView.render(state).rowText(0).hasPrefix(" Open 3 — Mine 0 · Unassigned 3 · Snooze"))
    }
}
