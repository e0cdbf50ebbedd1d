import Foundation
import Store

/// Runs the inbox: reads keys, feeds events through the pure update, performs the effects
/// it asks for against the store, and draws the view. One thread owns the loop and the
/// terminal; sends, searches and the search indexer run in the background and post events.
public final class InboxProgram {
    private let environment: InboxEnvironment
    private let reader: StoreReader
    private let queue = EventQueue()
    private let watch: StoreChangeWatch?
    private var state: InboxState
    private var terminal: NcursesTerminal?
    private var lastVersion: Int64?
    private var indexer: Task<Void, Never>?

    /// How often the store is polled for changes by other processes.
    static let pollInterval = 0.25

    public init(environment: InboxEnvironment, keymap: Keymap = .standard, monochrome: Bool) {
        self.environment = environment
        reader = StoreReader(store: environment.store)
        watch = try? StoreChangeWatch(path: environment.store.path)
        let name = URL(fileURLWithPath: environment.store.path).lastPathComponent
        state = InboxState(size: TerminalSize(columns: 80, rows: 24), now: environment.clock(), storeName: name, keymap: keymap)
        state.monochrome = monochrome
    }

    /// Takes over the terminal until the operator quits.
    public func run() {
        let terminal = NcursesTerminal(colors: !state.monochrome)
        self.terminal = terminal
        defer {
            indexer?.cancel()
            terminal.stop()
            self.terminal = nil
        }
        state.size = terminal.size
        lastVersion = try? watch?.version()
        dispatchEffects(InboxUpdate.start(state))
        terminal.draw(InboxView.render(state))
        startIndexer()

        var lastPoll = Date()
        var lastTick = Date()
        while !state.wantsQuit {
            var changed = false
            if let key = terminal.readKey(timeoutMilliseconds: 100) {
                if key == .resize {
                    terminal.invalidate()
                    dispatch(.resized(terminal.size))
                } else {
                    dispatch(.key(key))
                }
                changed = true
            }
            for event in queue.drain() {
                dispatch(event)
                changed = true
            }
            if Date().timeIntervalSince(lastPoll) >= Self.pollInterval {
                lastPoll = Date()
                if let version = try? watch?.version(), version != lastVersion {
                    lastVersion = version
                    dispatch(.storeChanged)
                    changed = true
                }
            }
            if Date().timeIntervalSince(lastTick) >= 1 {
                lastTick = Date()
                dispatch(.tick(now: environment.clock()))
                changed = true
            }
            if changed && !state.wantsQuit {
                terminal.draw(InboxView.render(state))
            }
        }
    }

    /// Feeds one event through the update, then everything its effects produce, in order.
    private func dispatch(_ event: InboxEvent) {
        var pending = [event]
        while !pending.isEmpty {
            let next = pending.removeFirst()
            let effects = InboxUpdate.apply(&state, next)
            for effect in effects { pending += perform(effect) }
        }
    }

    private func dispatchEffects(_ effects: [InboxEffect]) {
        for effect in effects {
            for event in perform(effect) { dispatch(event) }
        }
    }

    /// Performs one effect. Store reads are quick keyset queries and run inline so the next
    /// frame already shows their result; slow work runs in a task and posts its event.
    private func perform(_ effect: InboxEffect) -> [InboxEvent] {
        let store = environment.store
        let now = environment.clock()
        do {
            switch effect {
            case .loadList(let request):
                return [.listLoaded(try reader.window(request), request)]
            case .loadCounts:
                return [.countsLoaded(try store.counts())]
            case .loadMessages(let request):
                return [.messagesLoaded(try reader.messages(request))]
            case .loadIdentity(let contactID):
                return try store.identityDetail(contactID: contactID).map { [.identityLoaded($0)] } ?? []
            case .planReply(let conversation):
                let preview = environment.replies?.preview(for: conversation, now: now)
                    ?? .unavailable("replies are not configured")
                return [.replyPlanned(conversationID: conversation.id, preview)]
            case .markRead(let conversationID):
                try store.markRead(conversationID: conversationID)
                return [.countsLoaded(try store.counts())]
            case .loadDraft(let conversationID):
                return [.draftLoaded(conversationID: conversationID, text: try store.draft(conversationID: conversationID))]
            case .saveDraft(let conversationID, let text):
                try store.saveDraft(conversationID: conversationID, text: text, at: now)
                return []
            case .send(let conversation, let text):
                guard let replies = environment.replies else { return [.failed("replies are not configured")] }
                let queue = self.queue
                Task.detached {
                    let outcome = await replies.send(text, to: conversation, now: now)
                    queue.post(.sent(conversationID: conversation.id, outcome))
                }
                return []
            case .sendTemplate(let conversation, let name):
                guard let replies = environment.replies else { return [.failed("replies are not configured")] }
                let queue = self.queue
                Task.detached {
                    let outcome = await replies.sendTemplate(name, to: conversation, now: now)
                    queue.post(.sent(conversationID: conversation.id, outcome))
                }
                return []
            case .search(let text):
                let queue = self.queue
                Task.detached {
                    do {
                        queue.post(.searchFinished(query: text, try store.searchMessages(text)))
                    } catch {
                        queue.post(.failed("search: \(error)"))
                    }
                }
                return []
            case .openEditor(let conversationID, let text):
                guard let command = environment.editor, let terminal else { return [.failed("set $EDITOR to write long replies")] }
                let initial = text.isEmpty ? (try store.draft(conversationID: conversationID) ?? "") : text
                let edited = try terminal.suspend { try ExternalEditor.edit(initial, command: command) }
                return [.editorFinished(conversationID: conversationID, text: edited)]
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

    /// Keeps the full-text index caught up in small batches, so `/` answers at once.
    private func startIndexer() {
        let store = environment.store
        indexer = Task.detached(priority: .background) {
            while !Task.isCancelled {
                let indexed = (try? store.catchUpSearchIndex(batch: 20_000)) ?? 0
                if indexed == 0 { try? await Task.sleep(nanoseconds: 2_000_000_000) }
            }
        }
    }
}
