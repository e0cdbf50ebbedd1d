import Foundation
import Identity
@_spi(Testing) @testable import Store
@testable import TUI
import Webhooks

/// Plain-value inbox states for screen-model and update tests.
enum InboxFixtures {
    /// 2026-03-12 14:05:00 UTC.
    static let now = 1_773_324_300.0
    static func ago(_ seconds: Double) -> Double { now - seconds }
    static func date(ago seconds: Double) -> Date { Date(timeIntervalSince1970: now - seconds) }
    static let utc = TimeFormatting(timeZone: TimeZone(identifier: "UTC") ?? .current)

    static let sheena = Conversation(
        id: 1, channel: "support", contactID: 10, name: "Sheena Nelson", username: "@realsheenanelson",
        address: Identifier(kind: .bsuid, value: "US.13491208655302741918"), unread: 2, messageCount: 4,
        lastMessageAt: date(ago: 120), preview: "Is my order on its way?")
    static let ravi = Conversation(
        id: 2, channel: "sales", contactID: 11, name: "Ravi Kumar", address: Identifier(kind: .phone, value: "919876543210"),
        unread: 0, messageCount: 9, lastMessageAt: date(ago: 10_800),
        preview: "Thanks! 👍🏽")
    static let anonymous = Conversation(
        id: 3, channel: "support", contactID: 12, address: Identifier(kind: .bsuid, value: "MY.2035551234"),
        unread: 0, lastMessageAt: date(ago: 259_200), preview: "\u{1B}[2J\u{202E}evil")

    static let messages: [Message] = [
        Message(id: 100, conversationID: 1, direction: .inbound, text: "Hi, I ordered a lamp last week", timestamp: date(ago: 87_000)),
        Message(id: 101, conversationID: 1, direction: .outbound, text: "Let me check that for you.", status: .read, timestamp: date(ago: 86_700)),
        Message(id: 102, conversationID: 1, direction: .outbound, text: "It ships today 🚚", status: .failed, errorCode: "131047", timestamp: date(ago: 600)),
        Message(id: 103, conversationID: 1, direction: .inbound, text: "Is my order on its way? \u{1B}]0;pwned\u{07}\u{202E}txt.exe", timestamp: date(ago: 120)),
    ]

    static let sheenaDetail = ContactDetail(
        contact: Contact(
            id: 10, name: "Sheena Nelson", username: "@realsheenanelson", country: "US",
            identifiers: [
                .init(kind: .bsuid, value: "US.13491208655302741918", scope: "acme", current: true, firstSeen: date(ago: 9000), lastSeen: date(ago: 0)),
                .init(kind: .parentBSUID, value: "US.ENT.11815799212886844830", scope: "acme-group", current: true, firstSeen: date(ago: 9000), lastSeen: date(ago: 0)),
                .init(kind: .bsuid, value: "US.1111", scope: "acme", current: false, firstSeen: date(ago: 99_000), lastSeen: date(ago: 9000), supersededAt: date(ago: 9000)),
            ]),
        merges: [.init(survivor: 10, merged: 7, reason: "bsuid and phone in one message", at: date(ago: 5000))])

    static let route = ReplyRoute(identifierKind: "bsuid", identifierValue: "US.13491208655302741918", reason: "phone not shared", channel: "support", provider: "meta")

    /// A state as the runtime leaves it after start-up: list loaded, first row selected.
    static func state(_ columns: Int = 120, _ rows: Int = 40) -> InboxState {
        var state = InboxState(size: TerminalSize(columns: columns, rows: rows), now: now, storeName: "inbox.sqlite", time: utc)
        state.list = ConversationListState(rows: [sheena, ravi, anonymous], selectedIndex: 0, hasAbove: false, hasBelow: false, unreadOnly: false, loaded: true)
        state.messages = MessagePaneState(conversation: sheena, entries: messages)
        state.status.counts = InboxCounts(conversations: 3, unreadConversations: 1, messages: 14, lastEventAt: date(ago: 120),
                                          views: [.open: 3, .mine: 0, .unassigned: 3, .snoozed: 0, .resolved: 0, .all: 3])
        return state
    }

    /// Feeds keys through the update, collecting every effect.
    static func press(_ state: inout InboxState, _ keys: KeyEvent...) -> [InboxEffect] {
        keys.flatMap { InboxUpdate.apply(&state, .key($0)) }
    }
}
