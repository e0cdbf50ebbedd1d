import Foundation
import Testing
import Webhooks
@_spi(Testing) import Store
@testable import TUI

@Suite("Pure update")
struct InboxUpdateTests {
    typealias F = InboxFixtures

    @Test func startAsksForTheNewestConversations() {
        let effects = InboxUpdate.start(F.state(120, 40))
        #expect(effects.contains(.loadCounts))
        guard case .loadList(let request)? = effects.first else {
            Issue.record("no list request")
            return
        }
        #expect(request.move == .top)
        #expect(request.rows == InboxLayout.conversationsVisible(size: TerminalSize(columns: 120, rows: 40)))
    }

    @Test func movingSelectsAndLoadsThatConversation() {
        var state = F.state()
        let effects = F.press(&state, .character("j"))
        #expect(state.list.selectedIndex == 1)
        #expect(state.messages.conversation?.id == 2)
        #expect(effects == [.loadMessages(MessageRequest(conversationID: 2, kind: .latest, limit: InboxUpdate.pageSize(state))),
                            .loadTimeline(contactID: F.ravi.contactID, conversationID: 2), .loadPresence(conversationID: 2)])
    }

    @Test func movingPastTheWindowPagesTheStore() {
        var state = F.state()
        state.list.hasBelow = true
        state.list.selectedIndex = 2
        let effects = F.press(&state, .down)
        guard case .loadList(let request)? = effects.first else {
            Issue.record("expected a list page")
            return
        }
        #expect(request.move == .scrollDown(from: F.sheena.key, rows: 1))
        #expect(request.selection == .relative(to: 3, offset: 1))
    }

    @Test func listWindowAppliesTheRequestedSelection() {
        var state = F.state()
        let request = ListRequest(move: .scrollDown(from: F.sheena.key, rows: 1), rows: 3, view: .open, unreadOnly: false, selection: .relative(to: 3, offset: 1))
        let next = Conversation(id: 4, channel: "support", contactID: 13, name: "Dana", lastMessageAt: F.date(ago: 9 * 86_400))
        _ = InboxUpdate.apply(&state, .listLoaded(ListWindow(rows: [F.ravi, F.anonymous, next], hasAbove: true, hasBelow: false), request))
        #expect(state.list.selected?.id == 4)
        #expect(state.messages.conversation?.id == 4)
    }

    @Test func openingMarksRead() {
        var state = F.state()
        let effects = F.press(&state, .enter)
        #expect(state.focus == .messages)
        #expect(state.list.rows[0].unread == 0)
        #expect(effects.contains(.markRead(conversationID: 1)))
    }

    @Test func liveChangesKeepTheSelection() {
        var state = F.state()
        _ = F.press(&state, .character("j"))
        let effects = InboxUpdate.apply(&state, .storeChanged)
        let reload = effects.compactMap { effect -> ListRequest? in
            if case .loadList(let r) = effect { r } else { nil }
        }.first
        #expect(reload?.selection == .id(2, fallback: 1))
        // A new conversation arrives on top; the cursor stays on Ravi.
        let newcomer = Conversation(id: 9, channel: "support", contactID: 19, name: "New", unread: 1, lastMessageAt: F.date(ago: 0))
        if let reload {
            _ = InboxUpdate.apply(&state, .listLoaded(ListWindow(rows: [newcomer, F.sheena, F.ravi], hasAbove: false, hasBelow: true), reload))
        }
        #expect(state.list.selected?.id == 2)
    }

    @Test func replyShowsThePlanThenSendsAndShowsPendingAtOnce() {
        var state = F.state()
        var effects = F.press(&state, .character("r"))
        #expect(state.mode == .compose)
        #expect(effects == [.planReply(conversation: F.sheena), .loadDraft(conversationID: 1),
                            .setPresence(conversationID: 1, composing: true)])
        _ = InboxUpdate.apply(&state, .replyPlanned(conversationID: 1, .ready(F.route)))
        effects = F.press(&state, .character("O"), .character("k"), .enter)
        #expect(effects == [.send(conversation: F.sheena, text: "Ok"), .saveDraft(conversationID: 1, text: ""),
                            .setPresence(conversationID: 1, composing: false), .markRead(conversationID: 1)])
        #expect(state.mode == .browse)
        #expect(state.messages.visibleEntries.last?.text == "Ok")
        #expect(state.messages.visibleEntries.last?.status == .pending)
    }

    @Test func escapeKeepsTheDraft() {
        var state = F.state()
        _ = F.press(&state, .character("r"))
        _ = InboxUpdate.apply(&state, .draftLoaded(conversationID: 1, text: "draft"))
        let effects = F.press(&state, .character("!"), .escape)
        #expect(effects == [.saveDraft(conversationID: 1, text: "draft!"), .setPresence(conversationID: 1, composing: false)])
        #expect(state.mode == .browse)
    }

    @Test func searchThenJump() {
        var state = F.state()
        var effects = F.press(&state, .character("/"), .character("l"), .character("a"), .enter)
        #expect(effects == [.search("la")])
        let hit = SearchHit(messageID: 100, conversationID: 1, contactName: "Sheena", channel: "support", direction: .inbound, text: "lamp", timestamp: F.date(ago: 0))
        _ = InboxUpdate.apply(&state, .searchFinished(query: "la", [hit]))
        effects = F.press(&state, .enter)
        #expect(state.pendingJump == SearchJump(conversationID: 1, messageID: 100))
        guard case .loadList(let request)? = effects.first else {
            Issue.record("expected the list to move to the hit")
            return
        }
        #expect(request.move == .showing(conversationID: 1))
        effects = InboxUpdate.apply(&state, .listLoaded(ListWindow(rows: [F.sheena], hasAbove: false, hasBelow: false), request))
        #expect(effects.first == .loadMessages(MessageRequest(conversationID: 1, kind: .around(messageID: 100), limit: InboxUpdate.pageSize(state))))
        #expect(state.messages.highlight == 100)
    }

    @Test(arguments: [
        (":q", [InboxEffect.quit]),
        (":export /tmp/out.csv", [.export(path: "/tmp/out.csv")]),
        (":search refund", [.search("refund")]),
        (":bogus", []),
    ])
    func commandLine(_ typed: String, _ expected: [InboxEffect]) {
        var state = F.state()
        let keys = typed.map { KeyEvent.character($0) } + [.enter]
        var effects: [InboxEffect] = []
        for key in keys { effects += InboxUpdate.apply(&state, .key(key)) }
        #expect(effects == expected)
        if expected.isEmpty { #expect(state.status.lastError == "unknown command :bogus") }
    }

    @Test func unreadFilterReloadsFromTheTop() {
        var state = F.state()
        let effects = F.press(&state, .character("u"))
        #expect(state.list.unreadOnly)
        #expect(effects == [.loadList(ListRequest(move: .top, rows: InboxLayout.conversationsVisible(size: state.size), view: .open, unreadOnly: true, selection: .index(0)))])
    }

    @Test func resizeReloadsTheWindowForTheNewHeight() {
        var state = F.state()
        state.list.selectedIndex = 2
        // Two conversations fit at 40×7: the selected third one must lead the new window.
        let effects = InboxUpdate.apply(&state, .resized(TerminalSize(columns: 40, rows: 7)))
        guard case .loadList(let request)? = effects.first else {
            Issue.record("expected a reload")
            return
        }
        #expect(request.rows == 2)
        #expect(request.move == .reload(top: F.anonymous.key))   // the selection would not fit: it leads
    }

    @Test func scrollingHistoryAsksForOlderPagesBeforeTheTopIsReached() {
        var state = F.state(80, 12)
        state.focus = .messages
        state.messages.hasOlder = true
        let effects = F.press(&state, .pageUp)
        #expect(effects == [.loadMessages(MessageRequest(conversationID: 1, kind: .older(before: F.messages[0].key), limit: InboxUpdate.pageSize(state)))])
        #expect(state.messages.loadingOlder)
        #expect(F.press(&state, .pageUp).isEmpty)   // one request at a time
    }

    @Test func ctrlCQuitsFromAnyMode() {
        var state = F.state()
        _ = F.press(&state, .character("r"))
        let effects = F.press(&state, .control("c"))
        #expect(state.wantsQuit)
        #expect(effects.last == .quit)
    }
}

@Suite("Runtime step")
struct InboxRuntimeTests {
    typealias F = InboxFixtures

    @Test func effectsRunInOrderAndTheirEventsAreApplied() {
        var state = F.state()
        var performed: [InboxEffect] = []
        // Opening another conversation asks for its messages; the fake store answers with one page.
        let page = F.messages.prefix(2).map { message in
            var copy = message
            copy.conversationID = F.ravi.id
            return copy
        }
        let perform: (InboxEffect) -> [InboxEvent] = { effect in
            performed.append(effect)
            if case .loadMessages(let request) = effect {
                return [.messagesLoaded(MessagePageResult(request: request, entries: page, hasMore: false))]
            }
            return []
        }
        InboxRuntime.step(&state, .key(.character("j")), perform: perform)
        InboxRuntime.step(&state, .key(.enter), perform: perform)
        #expect(state.messages.conversation?.id == F.ravi.id)
        #expect(performed.contains { if case .loadMessages = $0 { true } else { false } })
        #expect(state.messages.visibleEntries.map(\.id) == [100, 101])
    }
}

/// `x` and `a` on a real store, through the runtime: the row shows the new state at once and
/// the store records who did it.
@Suite("Triage keys")
struct TriageKeyTests {
    @Test func xResolvesAndReopensAndAAssignsToMe() throws {
        let fixture = try BrowseFixtures()
        defer { fixture.remove() }
        let contact = try fixture.contact(name: "Rosa Díaz", phone: "16505550100")
        let conversation = try fixture.conversation(contact: contact, at: 1_795_190_000, preview: "hi")
        let environment = InboxEnvironment(store: fixture.store, clock: { 1_795_200_000 }, operatorName: "ana")
        let runner = EffectRunner(environment: environment, queue: EventQueue())
        var state = InboxState(size: TerminalSize(columns: 100, rows: 24), now: 1_795_200_000, storeName: "t")
        state.operatorName = "ana"
        InboxRuntime.start(&state, perform: runner.perform)
        func screen() -> String { InboxView.render(state).text }

        func press(_ key: KeyEvent) { InboxRuntime.step(&state, .key(key), perform: runner.perform) }

        press(.character("a"))
        #expect(try fixture.store.conversation(id: conversation)?.assignee == "ana")
        #expect(screen().contains(" @ana (1) ☎ ") || screen().contains(" @ana ☎ "), "\(screen())")
        #expect(screen().hasPrefix(" Open 1 — Mine 1 · Unassigned 0 "), "\(screen())")
        press(.character("x"))
        #expect(try fixture.store.conversation(id: conversation)?.status == .resolved)
        #expect(screen().contains("Nothing in Open"), "resolving removes the row from Open: \(screen())")
        for _ in 0..<4 { press(.character("v")) }   // Mine, Unassigned, Snoozed, Resolved
        #expect(state.list.view == .resolved)
        #expect(screen().contains(" @ana ✓ ☎ "), "\(screen())")
        press(.character("x"))
        press(.character("a"))
        let reopened = try #require(try fixture.store.conversation(id: conversation))
        #expect(reopened.status == .open)
        #expect(screen().contains("Nothing in Resolved"), "\(screen())")
        press(.character("v"))
        press(.character("v"))   // All, Open
        #expect(state.list.view == .open)
        #expect(state.list.rows.map(\.id) == [conversation])
        press(.character("a"))
        #expect(try fixture.store.conversation(id: conversation)?.assignee == nil)
        #expect(try fixture.store.timeline(contact: contact).compactMap(\.operatorName) == ["ana", "ana", "ana", "ana"])
    }

    @Test func aWithoutAnOperatorSaysWhyAndAssignsNobody() throws {
        let fixture = try BrowseFixtures()
        defer { fixture.remove() }
        let contact = try fixture.contact(name: "Rosa Díaz", phone: "16505550100")
        let conversation = try fixture.conversation(contact: contact, at: 1_795_190_000, preview: "hi")
        let runner = EffectRunner(environment: InboxEnvironment(store: fixture.store, clock: { 1_795_200_000 }), queue: EventQueue())
        var state = InboxState(size: TerminalSize(columns: 100, rows: 24), now: 1_795_200_000, storeName: "t")
        InboxRuntime.start(&state, perform: runner.perform)
        InboxRuntime.step(&state, .key(.character("a")), perform: runner.perform)
        #expect(try fixture.store.conversation(id: conversation)?.assignee == nil)
        #expect(state.status.lastError?.contains("SWITCHBOARD_OPERATOR") == true)
    }
}
