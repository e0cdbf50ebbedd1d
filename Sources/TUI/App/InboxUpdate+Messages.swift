import Store
import Webhooks

/// The message pane: scrolling by lines, paging history in as it comes into view.
extension InboxUpdate {
    static func scrollMessages(_ s: inout InboxState, _ action: Action) -> [InboxEffect] {
        guard s.messages.conversation != nil else { return [] }
        let body = max(1, InboxLayout.messageBody(s).height)
        switch action {
        case .moveUp: s.messages.scroll += 1
        case .moveDown: s.messages.scroll -= 1
        case .pageUp: s.messages.scroll += max(1, body - 1)
        case .pageDown: s.messages.scroll -= max(1, body - 1)
        case .halfPageUp: s.messages.scroll += max(1, body / 2)
        case .halfPageDown: s.messages.scroll -= max(1, body / 2)
        case .top:
            s.messages.scroll = Int.max / 4
            if s.messages.hasOlder, let conversation = s.messages.conversation {
                // The very first message, however long the history: read the first page.
                s.messages.highlight = nil
                return [.loadMessages(MessageRequest(conversationID: conversation.id, kind: .oldest, limit: pageSize(s)))]
            }
        case .bottom:
            s.messages.scroll = 0
            if s.messages.hasNewer, let conversation = s.messages.conversation {
                s.messages.hasNewer = false
                s.messages.highlight = nil
                return [.loadMessages(MessageRequest(conversationID: conversation.id, kind: .latest, limit: pageSize(s)))]
            }
        default: break
        }
        return clampScroll(&s)
    }

    /// Keeps the scroll inside what is loaded and asks for the next page when the view
    /// nears either end of it.
    @discardableResult
    static func clampScroll(_ s: inout InboxState) -> [InboxEffect] {
        guard let conversation = s.messages.conversation else { return [] }
        let pane = InboxLayout.messageBody(s)
        let total = MessageLines.count(pane: s.messages, width: pane.width, time: s.time, now: s.now)
        let maxScroll = max(0, total - pane.height)
        var effects: [InboxEffect] = []
        if s.messages.scroll < 0 {
            s.messages.scroll = 0
            if s.messages.hasNewer, let newest = s.messages.entries.last {
                effects.append(.loadMessages(MessageRequest(conversationID: conversation.id, kind: .newer(after: newest.key), limit: pageSize(s))))
            }
        }
        s.messages.scroll = min(s.messages.scroll, maxScroll)
        // Prefetch: one screen before the top of what is loaded, read the next older page.
        if s.messages.hasOlder, !s.messages.loadingOlder, s.messages.scroll + 2 * pane.height >= total,
           let oldest = s.messages.entries.first {
            s.messages.loadingOlder = true
            effects.append(.loadMessages(MessageRequest(conversationID: conversation.id, kind: .older(before: oldest.key), limit: pageSize(s))))
        }
        return effects
    }

    static func messagesLoaded(_ s: inout InboxState, _ page: MessagePageResult) -> [InboxEffect] {
        guard s.messages.conversation?.id == page.request.conversationID else { return [] }
        let pane = InboxLayout.messageBody(s)
        switch page.request.kind {
        case .latest:
            let before = s.messages.scroll > 0 ? MessageLines.count(pane: s.messages, width: pane.width, time: s.time, now: s.now) : 0
            s.messages.entries = page.entries
            s.messages.hasOlder = page.hasMore
            s.messages.hasNewer = false
            s.messages.loadingOlder = false
            let known = Set(page.entries.filter(\.isOutbound).map(\.text))
            s.messages.optimistic.removeAll { known.contains($0.text) && $0.status != .failed }
            if s.messages.scroll > 0 {
                // New messages arrived below while reading older ones: stay on the same lines.
                let after = MessageLines.count(pane: s.messages, width: pane.width, time: s.time, now: s.now)
                s.messages.scroll = max(0, s.messages.scroll + after - before)
            }
        case .older:
            let have = Set(s.messages.entries.map(\.id))
            s.messages.entries = page.entries.filter { !have.contains($0.id) } + s.messages.entries
            s.messages.hasOlder = page.hasMore
            s.messages.loadingOlder = false
        case .newer:
            let before = MessageLines.count(pane: s.messages, width: pane.width, time: s.time, now: s.now)
            let have = Set(s.messages.entries.map(\.id))
            s.messages.entries += page.entries.filter { !have.contains($0.id) }
            s.messages.hasNewer = page.hasMore
            let after = MessageLines.count(pane: s.messages, width: pane.width, time: s.time, now: s.now)
            s.messages.scroll += after - before   // keep the lines on screen where they were
        case .oldest:
            s.messages.entries = page.entries
            s.messages.optimistic = []
            s.messages.hasOlder = false
            s.messages.hasNewer = page.hasNewer
            s.messages.loadingOlder = false
            s.messages.scroll = Int.max / 4   // the top of what was read
        case .around(let messageID):
            s.messages.entries = page.entries
            s.messages.hasOlder = page.hasMore
            s.messages.hasNewer = page.hasNewer
            s.messages.loadingOlder = false
            // Scroll so the hit sits mid-pane: count the lines below it.
            if let index = page.entries.firstIndex(where: { $0.id == messageID }) {
                let all = MessageLines.count(page.entries, width: pane.width, time: s.time, now: s.now)
                let upToHit = MessageLines.count(Array(page.entries[...index]), width: pane.width, time: s.time, now: s.now)
                s.messages.scroll = max(0, all - upToHit - pane.height / 2)
            }
        }
        return clampScroll(&s)
    }
}
