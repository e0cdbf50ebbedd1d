import Foundation
import Store

/// What changes without a key: the clock, totals from the store, other operators.
extension InboxUpdate {
    /// How long a "composing" row lasts; refreshed at half that while composing.
    static let presenceLifetime = 20.0

    static func tick(_ s: inout InboxState, _ now: Double) -> [InboxEffect] {
        s.now = now
        if let at = s.status.noticeAt, now - at >= StatusState.noticeLifetime { s.status.notice = nil; s.status.noticeAt = nil }
        if let at = s.status.errorAt, now - at >= StatusState.errorLifetime { s.status.lastError = nil; s.status.errorAt = nil }
        var effects: [InboxEffect] = []
        if s.mode == .compose, let conversation = s.compose.conversation,
           now - (s.compose.presenceAt ?? 0) >= presenceLifetime / 2 {
            s.compose.presenceAt = now
            effects.append(.setPresence(conversationID: conversation.id, composing: true))
        }
        if let conversation = s.messages.conversation, !s.messages.composing.isEmpty {
            effects.append(.loadPresence(conversationID: conversation.id))   // rows expire by themselves
        }
        if let end = s.status.counts.nextSnoozeEnd, end.timeIntervalSince1970 <= now {
            s.status.counts.nextSnoozeEnd = nil
            effects += storeChanged(&s)   // a snooze ended: the conversation is back in Open
        }
        return effects
    }

    /// New totals; more unread messages than before is news (bell, title).
    static func countsLoaded(_ s: inout InboxState, _ counts: InboxCounts) -> [InboxEffect] {
        let before = s.status.counts
        let known = s.status.countsKnown
        s.status.counts = counts
        s.status.countsKnown = true
        let news = known && counts.unreadMessages > before.unreadMessages
        guard !known || news || counts.unreadConversations != before.unreadConversations else { return [] }
        return [.alert(unread: counts.unreadConversations, ring: news && s.bell)]
    }
}
