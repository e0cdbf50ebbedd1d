import Foundation
import Identity
import Testing
import Webhooks
@_spi(Testing) @testable import Store
@testable import TUI
@testable import TerminalText

/// Issue "Operator safety": nothing leaves by accident, nothing goes to the wrong person.
@Suite("Operator safety")
struct OperatorSafetyTests {
    typealias F = InboxFixtures

    static let closed = ReplyRefusal(code: "service_window_closed", message: "The customer last wrote over 24 h ago", templates: ["order_update"])
    static let orderUpdate = TemplateChoice(name: "order_update", category: "utility", language: "en_US", parameters: ["order number", "delivery date"])
    static let loginCode = TemplateChoice(name: "login_code", category: "authentication", language: "en_US",
                                          unavailable: "authentication templates need the customer's phone")

    @Test func aDigitInComposeIsTextAndATemplateGoesOnlyAfterPickFillAndConfirm() {
        var state = F.state()
        _ = F.press(&state, .character("r"))
        _ = InboxUpdate.apply(&state, .replyPlanned(conversationID: 1, .refused(Self.closed)))
        #expect(F.press(&state, .character("1")).isEmpty)
        #expect(state.compose.text == "1", "a digit is text")
        #expect(F.press(&state, .enter).isEmpty, "a refused plan sends nothing")
        var effects = F.press(&state, .control("t"))
        #expect(state.mode == .templatePicker)
        #expect(effects == [.loadTemplates(conversation: F.sheena)])
        _ = InboxUpdate.apply(&state, .templatesLoaded(conversationID: 1, [Self.loginCode, Self.orderUpdate]))
        #expect(state.picker?.selected == 1, "the first template that may go is preselected")
        var text = InboxView.render(state).text
        #expect(text.contains("login_code  authentication  en_US  (no parameters) — authentication templates need the"), "\(text)")
        #expect(text.contains("> order_update  utility  en_US  (order number, delivery date)"))
        effects = F.press(&state, .enter)
        #expect(effects.isEmpty && state.picker?.stage == .fill(index: 0))
        effects = F.press(&state, .character("A"), .character("-"), .character("1"), .character("7"), .enter)
        #expect(effects.isEmpty && state.picker?.stage == .fill(index: 1))
        effects = F.press(&state, .paste("Friday"), .enter)
        #expect(effects == [.previewTemplate(conversation: F.sheena, name: "order_update", parameters: ["A-17", "Friday"])])
        #expect(F.press(&state, .enter).isEmpty, "nothing is sent before the request is shown")
        let request = #"POST http://127.0.0.1:8090/meta/v21.0/106540352242922/messages"# + "\n" + #"{"template":{"name":"order_update","parameters":["A-17","Friday"]}}"#
        _ = InboxUpdate.apply(&state, .templatePreviewed(conversationID: 1, .ready(F.route, request: request)))
        text = InboxView.render(state).text
        #expect(text.contains("Exactly this request is sent:"))
        #expect(text.contains(#""parameters":["A-17","Friday"]"#), "\(text)")
        #expect(text.contains("To Sheena Nelson · to US.13491208655302741918"))
        effects = F.press(&state, .enter)
        #expect(effects.contains(.sendTemplate(conversation: F.sheena, name: "order_update", parameters: ["A-17", "Friday"])))
        #expect(effects.contains(.markRead(conversationID: 1)), "replying marks the conversation read")
        #expect(state.mode == .browse)
    }

    @Test func escStepsBackThroughThePickerWithoutSending() {
        var state = F.state()
        _ = F.press(&state, .character("r"), .control("t"))
        _ = InboxUpdate.apply(&state, .templatesLoaded(conversationID: 1, [Self.orderUpdate]))
        _ = F.press(&state, .enter, .character("7"), .enter)
        #expect(state.picker?.stage == .fill(index: 1))
        #expect(F.press(&state, .escape).isEmpty)
        #expect(state.picker?.stage == .fill(index: 0))
        #expect(state.picker?.input.text == "7", "the value typed comes back for editing")
        #expect(F.press(&state, .escape, .escape).isEmpty)
        #expect(state.mode == .compose)
    }

    @Test(arguments: [
        // keys, text, cursor
        ([KeyEvent.character("a"), .character("b"), .left, .character("X")], "aXb", 2),
        ([.character("a"), .character("b"), .home, .character("X")], "Xab", 1),
        ([.character("a"), .control("a"), .control("e"), .character("X")], "aX", 2),
        ([.character("a"), .character("b"), .character("c"), .left, .left, .control("k")], "a", 1),
        ([.character("a"), .character("b"), .character("c"), .left, .control("u")], "c", 0),
        ([.paste("hello big world"), .control("w")], "hello big ", 10),
        ([.paste("hello"), .altEnter, .paste("there"), .home, .control("k")], "hello\n", 6),
        ([.paste("👩‍👩‍👧🇯🇵"), .left, .backspace], "🇯🇵", 0),
        ([.paste("ab"), .left, .delete], "a", 1),
        ([.paste("ab"), .right, .right, .backspace, .backspace, .backspace], "", 0),
    ])
    func theComposeLineEditsLikeReadline(keys: [KeyEvent], text: String, cursor: Int) {
        var editor = LineEditor()
        for key in keys { editor.apply(key) }
        #expect(editor.text == text)
        #expect(editor.cursor == cursor)
    }

    @Test func aPasteIsOneDraftAndItsNewlinesNeverSend() {
        var state = F.state()
        _ = F.press(&state, .character("r"))
        _ = InboxUpdate.apply(&state, .replyPlanned(conversationID: 1, .ready(F.route)))
        let effects = F.press(&state, .paste("first line\nl i r\nthird"))
        #expect(effects.isEmpty)
        #expect(state.mode == .compose)
        #expect(state.compose.text == "first line\nl i r\nthird")
        let grid = InboxView.render(state)
        let text = grid.text
        #expect(text.contains("> first line"), "\(text)")
        #expect(text.contains("  l i r"))
        #expect(text.contains("  third"))
        #expect(text.contains("22/4096"))
        // In the list, a paste is never keys.
        var browsing = F.state()
        #expect(F.press(&browsing, .paste("lir")).isEmpty)
        #expect(browsing.mode == .browse && browsing.list.selectedIndex == 0)
    }

    @Test func theComposeLineNamesContactIdentifierAndChannelAndWrapsWhenNarrow() {
        for columns in [120, 60, 40] {
            var state = F.state(columns, 24)
            state.focus = .messages
            _ = F.press(&state, .character("r"))
            _ = InboxUpdate.apply(&state, .replyPlanned(conversationID: 1, .ready(F.route)))
            let plan = ComposeView.planLines(state, width: columns).map(\.text).joined(separator: " ")
            #expect(plan.contains("Sheena Nelson"), "\(columns): \(plan)")
            #expect(plan.contains("via support/meta"), "\(columns): \(plan)")
            #expect(plan.contains("US.13491208655302741918"), "\(columns): \(plan)")
            let text = InboxView.render(state).text
            #expect(text.contains("via support/meta"), "\(columns)\n\(text)")
            _ = InboxUpdate.apply(&state, .replyPlanned(conversationID: 1, .refused(Self.closed)))
            let refused = ComposeView.planLines(state, width: columns).map(\.text).joined(separator: " ")
            #expect(refused.contains("Sheena Nelson via support"), "\(columns): \(refused)")
            #expect(refused.contains("The customer last wrote over 24 h ago") || refused.contains("service_window_closed"), "\(refused)")
        }
    }

    @Test func overTheLimitNothingIsSentAndTheCounterSaysSo() {
        var state = F.state()
        _ = F.press(&state, .character("r"))
        _ = InboxUpdate.apply(&state, .replyPlanned(conversationID: 1, .ready(F.route)))
        _ = F.press(&state, .paste(String(repeating: "é", count: 4097)))
        #expect(F.press(&state, .enter).isEmpty)
        #expect(state.status.lastError == "the reply has 4097 characters; WhatsApp takes at most 4,096")
        #expect(InboxView.render(state).text.contains("4097/4096"))
    }

    @Test func tabMovesTheReplyToAnotherChannelThatTakesIt() {
        var state = F.state()
        _ = F.press(&state, .character("r"))
        _ = InboxUpdate.apply(&state, .replyPlanned(conversationID: 1, .refused(Self.closed)))
        _ = F.press(&state, .paste("hello"))
        #expect(F.press(&state, .tab) == [.retarget(conversation: F.sheena)])
        var other = F.sheena
        other.id = 9
        other.channel = "sales"
        let route = ReplyRoute(identifierKind: "phone", identifierValue: "16505550100", reason: "phone known", channel: "sales", provider: "sinch")
        _ = InboxUpdate.apply(&state, .composeRetargeted(from: 1, other, .ready(route)))
        #expect(state.compose.conversation?.id == 9)
        #expect(state.compose.text == "hello")
        #expect(state.messages.conversation?.id == 9, "the message pane shows where the reply goes")
        #expect(state.status.notice == "replying via sales instead")
        _ = InboxUpdate.apply(&state, .composeRetargeted(from: 9, nil, nil))
        #expect(state.status.lastError == "no other channel of Sheena Nelson would take this reply")
    }

    /// Issue point 3: in the unread view, opening a conversation makes it read and the list
    /// moves on; the pane and the reply stay with the conversation that was opened.
    @Test func theReplyGoesToTheConversationInThePaneWhateverTheListDoes() {
        var state = F.state()
        state.list.unreadOnly = true
        _ = F.press(&state, .enter)   // Sheena: read now
        let reload = ListRequest(move: .reload(top: nil), rows: 10, view: .open, unreadOnly: true, selection: .index(0))
        _ = InboxUpdate.apply(&state, .listLoaded(ListWindow(rows: [F.ravi], hasAbove: false, hasBelow: false), reload))
        #expect(state.list.selected?.id == F.ravi.id)
        #expect(state.messages.conversation?.id == F.sheena.id)
        let effects = F.press(&state, .character("r"))
        #expect(effects.first == .planReply(conversation: state.messages.conversation!))
        #expect(state.compose.conversation?.id == F.sheena.id)
        _ = InboxUpdate.apply(&state, .replyPlanned(conversationID: 1, .ready(F.route)))
        #expect(ComposeView.planLines(state, width: 120).first?.text.contains("Sheena Nelson") == true)
    }
}

/// Issue "Operator safety" 6 and 7: the identity pane, the history's first message, status
/// messages and help.
@Suite("Operator safety: panes and messages")
struct OperatorSafetyPaneTests {
    typealias F = InboxFixtures

    static var conflicted: ContactDetail {
        var detail = F.sheenaDetail
        detail.conflicts = [ConflictRecord(contact: 10, otherContact: nil, phone: "16505559999", at: F.date(ago: 4000))]
        return detail
    }

    @Test func theIdentityPaneAlignsConflictsAndScrollsAt60x15() {
        var state = F.state(60, 15)
        _ = F.press(&state, .character("i"))
        _ = InboxUpdate.apply(&state, .identityLoaded(Self.conflicted))
        _ = InboxUpdate.apply(&state, .replyPlanned(conversationID: 1, .ready(F.route)))
        let lines = IdentityPaneView.lines(state, width: 58).map(\.text)
        #expect(lines.contains("Phone     +16505559999"), "\(lines)")
        #expect(lines.contains("Held by   no other contact"))
        #expect(lines.contains { $0.hasPrefix("Merged    contact 7 into this one") })
        #expect(lines.allSatisfy { !$0.hasPrefix("16505559999") }, "no value runs into the label column")
        var text = InboxView.render(state).text
        #expect(!text.contains("Held by"), "below the fold at 15 rows")
        for _ in 0..<30 { _ = F.press(&state, .character("j")) }
        text = InboxView.render(state).text
        #expect(text.contains("Held by   no other contact"), "\(text)")
        #expect(state.list.selectedIndex == 0, "j scrolled the pane, not the list")
        _ = F.press(&state, .character("g"))
        #expect(state.identity.scroll == 0)
        #expect(InboxView.render(state).text.contains("Why       phone not shared"))
    }

    @Test func theIdentityPaneSaysWhetherThePhoneKeepsArriving() {
        var state = F.state(140, 40)
        _ = F.press(&state, .character("i"))
        _ = InboxUpdate.apply(&state, .identityLoaded(F.sheenaDetail))
        _ = InboxUpdate.apply(&state, .continuityLoaded(contactID: 10, ["at risk on acme: the next message may come without it"]))
        let lines = IdentityPaneView.lines(state, width: 38).map(\.text)
        #expect(lines.contains("Phone     at risk on acme: the next"), "\(lines)")
    }

    @Test func tabReachesTheIdentityPaneWhenItIsShown() {
        var state = F.state(140, 40)
        _ = F.press(&state, .character("i"), .tab, .tab)
        #expect(state.focus == .identity)
        _ = F.press(&state, .tab)
        #expect(state.focus == .list)
    }

    @Test func gInTheMessagePaneReadsTheVeryFirstPage() {
        var state = F.state(120, 40)
        state.focus = .messages
        state.messages.hasOlder = true
        let effects = F.press(&state, .character("g"))
        #expect(effects == [.loadMessages(MessageRequest(conversationID: 1, kind: .oldest, limit: InboxUpdate.pageSize(state)))])
        let request = MessageRequest(conversationID: 1, kind: .oldest, limit: 2)
        _ = InboxUpdate.apply(&state, .messagesLoaded(MessagePageResult(request: request, entries: Array(F.messages.prefix(2)), hasMore: false, hasNewer: true)))
        #expect(state.messages.entries.map(\.id) == [100, 101])
        #expect(!state.messages.hasOlder && state.messages.hasNewer)
        #expect(InboxView.render(state).text.contains("Hi, I ordered a lamp"))
    }

    @Test func statusMessagesExpire() {
        var state = F.state()
        _ = InboxUpdate.apply(&state, .exported(path: "/tmp/x.csv", count: 1))
        #expect(state.status.notice == "exported 1 message to /tmp/x.csv")
        _ = InboxUpdate.apply(&state, .tick(now: F.now + 7))
        #expect(state.status.notice == nil)
        _ = InboxUpdate.apply(&state, .failed("cannot connect to 127.0.0.1:9 (connection refused)"))
        _ = InboxUpdate.apply(&state, .tick(now: F.now + 20))
        #expect(state.status.lastError != nil, "an error stays longer than a notice")
        _ = InboxUpdate.apply(&state, .tick(now: F.now + 28))
        #expect(state.status.lastError == nil)
        _ = InboxUpdate.apply(&state, .failed("send failed"))
        _ = InboxUpdate.apply(&state, .exported(path: "/tmp/y.csv", count: 2))
        #expect(state.status.lastError == nil, "a newer notice replaces an older error")
    }

    @Test func helpClosesCleanlyAndTheKeyThatClosesItIsNotLost() {
        var state = F.state()
        _ = F.press(&state, .character(":"), .character("h"), .character("e"), .character("l"), .character("p"), .enter)
        #expect(state.mode == .help)
        _ = F.press(&state, .escape)
        #expect(state.mode == .browse && state.focus == .list)
        _ = F.press(&state, .character("?"), .character("r"))
        #expect(state.mode == .compose, "r closed help and opened compose")
        var small = F.state(40, 12)
        _ = F.press(&small, .character("?"))
        let text = InboxView.render(small).text
        #expect(text.contains("└"), "the overlay has a frame\n\(text)")
        #expect(text.contains("j/k scroll"))
    }
}

/// Issue 14 part 1 in the inbox: `p` asks a BSUID-only customer for their phone.
@Suite("Asking for the phone in the inbox")
struct PhoneRequestInboxTests {
    typealias F = InboxFixtures

    @Test func pShowsThePlanAndEnterSendsTheAsk() {
        var state = F.state(120, 40)
        var effects = F.press(&state, .character("p"))
        #expect(effects == [.planPhoneRequest(conversation: F.sheena), .setPresence(conversationID: 1, composing: true)])
        _ = InboxUpdate.apply(&state, .replyPlanned(conversationID: 1, .ready(F.route)))
        let plan = ComposeView.planLines(state, width: 120).map(\.text).joined(separator: " ")
        #expect(plan.contains("Sheena Nelson · ask for the phone · to US.13491208655302741918 via support/meta"), "\(plan)")
        effects = F.press(&state, .enter)
        #expect(effects.contains(.sendPhoneRequest(conversation: F.sheena, text: "")))
        #expect(state.mode == .browse)
    }

    @Test func aRefusedAskSendsNothingAndSaysWhy() {
        var state = F.state(120, 40)
        _ = F.press(&state, .character("p"))
        let known = ReplyRefusal(code: "phone_already_known", message: "the customer's phone is already known: reply to it instead")
        _ = InboxUpdate.apply(&state, .replyPlanned(conversationID: 1, .refused(known)))
        #expect(F.press(&state, .enter).isEmpty)
        #expect(ComposeView.planLines(state, width: 120).first?.text.contains("phone is already known") == true)
    }
}
