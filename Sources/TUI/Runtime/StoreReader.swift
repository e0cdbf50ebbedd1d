import Foundation
import Store

/// Turns list and message requests into keyset queries: only the rows a window shows (plus
/// one to know whether more exist) are ever read.
struct StoreReader {
    let store: any InboxStore
    /// Who "Mine" is.
    var me: String?
    var clock: @Sendable () -> Double = { Date().timeIntervalSince1970 }

    func filter(_ request: ListRequest) -> ConversationFilter {
        ConversationFilter(view: request.view, unreadOnly: request.unreadOnly, me: me,
                           now: Date(timeIntervalSince1970: clock()))
    }

    func window(_ request: ListRequest) throws -> ListWindow {
        let n = max(1, request.rows)
        let filter = filter(request)
        func fetch(_ anchor: ConversationAnchor, _ limit: Int) throws -> [Conversation] {
            try store.conversations(from: anchor, limit: limit, filter: filter)
        }
        var rows: [Conversation]
        var found: Int64?
        switch request.move {
        case .unread(let from, let forward):
            var unread = filter
            unread.unreadOnly = true
            let next = try forward
                ? store.conversations(from: .after(from), limit: 1, filter: unread).first
                : store.conversations(from: .before(from), limit: 1, filter: unread).last
            found = next?.id
            if let next {
                let current = try fetch(.from(from), n + 1)
                rows = current.prefix(n).contains(where: { $0.id == next.id }) ? current : try fetch(.from(next.key), n + 1)
            } else {
                rows = try fetch(.from(from), n + 1)
            }
        case .top:
            rows = try fetch(.top, n + 1)
        case .bottom:
            rows = try fetch(.bottom, n)
        case .reload(let top):
            rows = try top.map { try fetch(.from($0), n + 1) } ?? fetch(.top, n + 1)
        case .scrollDown(let from, let by):
            let fetched = try fetch(.from(from), by + n + 1)
            let start = min(by, max(0, fetched.count - n))
            rows = Array(fetched[start...])
        case .scrollUp(let from, let by):
            let above = try fetch(.before(from), by)
            let top = above.first?.key ?? from
            rows = try fetch(.from(top), n + 1)
        case .showing(let id):
            if let conversation = try store.conversation(id: id) {
                rows = try fetch(.from(conversation.key), n + 1)
            } else {
                rows = try fetch(.top, n + 1)
            }
        }
        // The selection moved out of the window (new activity sent it to the top): follow it.
        if case .id(let id, _) = request.selection, !rows.contains(where: { $0.id == id }),
           case .reload = request.move, let moved = try store.conversation(id: id),
           filter.matches(moved) {
            rows = try fetch(.from(moved.key), n + 1)
        }
        let hasBelow = rows.count > n
        rows = Array(rows.prefix(n))
        // A window that ran short (rows moved away, or the end of the list): fill from above.
        if rows.count < n, let first = rows.first {
            rows = try fetch(.before(first.key), n - rows.count) + rows
        }
        let hasAbove = try rows.first.map { try !fetch(.before($0.key), 1).isEmpty } ?? false
        return ListWindow(rows: rows, hasAbove: hasAbove, hasBelow: hasBelow, found: found)
    }

    func messages(_ request: MessageRequest) throws -> MessagePageResult {
        let id = request.conversationID
        let limit = max(1, request.limit)
        switch request.kind {
        case .latest:
            let page = try store.messages(conversationID: id, before: nil, limit: limit + 1)
            return MessagePageResult(request: request, entries: Array(page.suffix(limit)), hasMore: page.count > limit)
        case .older(let before):
            let page = try store.messages(conversationID: id, before: before, limit: limit + 1)
            return MessagePageResult(request: request, entries: Array(page.suffix(limit)), hasMore: page.count > limit)
        case .oldest:
            // Keyset from before the first possible message: the very first page.
            let page = try store.messages(conversationID: id, after: MessageKey(timestamp: -.greatestFiniteMagnitude, id: Int64.min), limit: limit + 1)
            return MessagePageResult(request: request, entries: Array(page.prefix(limit)), hasMore: false, hasNewer: page.count > limit)
        case .newer(let after):
            let page = try store.messages(conversationID: id, after: after, limit: limit + 1)
            return MessagePageResult(request: request, entries: Array(page.prefix(limit)), hasMore: page.count > limit)
        case .around(let messageID):
            guard let hit = try store.message(id: messageID) else {
                return try messages(MessageRequest(conversationID: id, kind: .latest, limit: limit))
            }
            let older = try store.messages(conversationID: id, before: hit.key, inclusive: true, limit: limit + 1)
            let newer = try store.messages(conversationID: id, after: hit.key, limit: limit + 1)
            return MessagePageResult(
                request: request, entries: Array(older.suffix(limit)) + Array(newer.prefix(limit)),
                hasMore: older.count > limit, hasNewer: newer.count > limit)
        }
    }
}
