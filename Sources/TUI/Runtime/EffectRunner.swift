import Foundation
import Store

/// Performs effects against the store and the reply gateway. Store reads are quick keyset
/// queries and run inline, so the frame after a key already shows their result; sends and
/// searches run in tasks and post their event to the queue.
struct EffectRunner {
    let environment: InboxEnvironment
    let reader: StoreReader
    let queue: EventQueue

    init(environment: InboxEnvironment, queue: EventQueue) {
        self.environment = environment
        self.reader = StoreReader(store: environment.store, me: environment.operatorName, clock: environment.clock)
        self.queue = queue
    }

    func counts() throws -> InboxCounts {
        try environment.store.counts(me: environment.operatorName, at: Date(timeIntervalSince1970: environment.clock()))
    }

    /// Performs one effect; returns the events it produced at once.
    func perform(_ effect: InboxEffect) -> [InboxEvent] {
        let store = environment.store
        let now = environment.clock()
        do {
            switch effect {
            case .loadList(let request):
                return [.listLoaded(try reader.window(request), request)]
            case .loadCounts:
                return [.countsLoaded(try counts())]
            case .loadMessages(let request):
                return [.messagesLoaded(try reader.messages(request))]
            case .loadIdentity(let contactID):
                return try store.contactDetail(id: contactID).map { [.identityLoaded($0)] } ?? []
            case .planReply(let conversation):
                let preview = environment.replies?.preview(for: conversation, now: now)
                    ?? .unavailable("replies are not configured")
                return [.replyPlanned(conversationID: conversation.id, preview)]
            case .planPhoneRequest(let conversation):
                let preview = environment.replies?.previewPhoneRequest(for: conversation, now: now)
                    ?? .unavailable("replies are not configured")
                return [.replyPlanned(conversationID: conversation.id, preview)]
            case .sendPhoneRequest(let conversation, let text):
                guard let replies = environment.replies else { return [.failed("replies are not configured")] }
                Task.detached {
                    let outcome = await replies.sendPhoneRequest(text, to: conversation, now: now)
                    queue.post(.sent(conversationID: conversation.id, outcome))
                }
                return []
            case .change(let conversationID, let change):
                let changed = try store.change(conversations: [conversationID], change, operator: environment.operatorName,
                                               at: Date(timeIntervalSince1970: now))
                return changed.map { .conversationChanged($0, change) }
            case .markRead(let conversationID):
                try store.markRead(conversationID: conversationID)
                return [.countsLoaded(try counts())]
            case .loadDraft(let conversationID):
                return [.draftLoaded(conversationID: conversationID, text: try store.draft(conversationID: conversationID))]
            case .saveDraft(let conversationID, let text):
                try store.saveDraft(conversationID: conversationID, text: text, at: now)
                return []
            case .send(let conversation, let text):
                guard let replies = environment.replies else { return [.failed("replies are not configured")] }
                Task.detached {
                    let outcome = await replies.send(text, to: conversation, now: now)
                    queue.post(.sent(conversationID: conversation.id, outcome))
                }
                return []
            case .sendTemplate(let conversation, let name, let parameters):
                guard let replies = environment.replies else { return [.failed("replies are not configured")] }
                Task.detached {
                    let outcome = await replies.sendTemplate(name, parameters: parameters, to: conversation, now: now)
                    queue.post(.sent(conversationID: conversation.id, outcome))
                }
                return []
            case .loadContinuity(let conversation):
                return [.continuityLoaded(contactID: conversation.contactID,
                                          environment.replies?.continuity(for: conversation, now: now) ?? [])]
            case .loadTemplates(let conversation):
                return [.templatesLoaded(conversationID: conversation.id, environment.replies?.templates(for: conversation, now: now) ?? [])]
            case .previewTemplate(let conversation, let name, let parameters):
                let preview = environment.replies?.previewTemplate(name, parameters: parameters, to: conversation, now: now)
                    ?? .unavailable("replies are not configured")
                return [.templatePreviewed(conversationID: conversation.id, preview)]
            case .retarget(let conversation):
                guard let replies = environment.replies else { return [.composeRetargeted(from: conversation.id, nil, nil)] }
                for other in try store.conversations(contact: conversation.contactID) where other.id != conversation.id {
                    let preview = replies.preview(for: other, now: now)
                    if case .ready = preview { return [.composeRetargeted(from: conversation.id, other, preview)] }
                }
                return [.composeRetargeted(from: conversation.id, nil, nil)]
            case .search(let text):
                Task.detached {
                    do {
                        queue.post(.conversationsFound(query: text, try store.findConversations(matching: text, limit: 50)))
                        queue.post(.searchFinished(query: text, try store.searchMessages(text)))
                    } catch {
                        queue.post(.failed("search: \(error)"))
                    }
                }
                return []
            case .loadTimeline(let contactID, let conversationID):
                return [.timelineLoaded(conversationID: conversationID, try store.timeline(contact: contactID))]
            case .loadPresence(let conversationID):
                return [.presenceLoaded(conversationID: conversationID,
                                        try store.presence(conversationID: conversationID, at: Date(timeIntervalSince1970: now)))]
            case .setPresence(let conversationID, let composing):
                guard let name = environment.operatorName else { return [] }
                let until = composing ? Date(timeIntervalSince1970: now + InboxUpdate.presenceLifetime) : nil
                try store.setPresence(conversationID: conversationID, operator: name, until: until)
                return []
            case .loadDeliveryHistory(let messageID):
                return [.deliveryHistoryLoaded(messageID: messageID, try store.deliveryHistory(messageID: messageID))]
            case .openEditor, .copy, .alert:
                return []   // need the terminal: the program handles them
            case .export(let path):
                guard let export = environment.export else { return [.failed("export is not available here")] }
                return [.exported(path: path, count: try export(path))]
            case .quit:
                return []
            }
        } catch {
            return [.failed("\(error)")]
        }
    }
}
