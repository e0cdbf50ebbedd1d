import Foundation
import Store

/// Runs the inbox: reads keys, feeds events through the pure update, performs the effects
/// it asks for against the store, and draws the view. One thread owns the loop and the
/// terminal; sends, searches and the search indexer run in the background and post events.
public final class InboxProgram {
    private let environment: InboxEnvironment
    private let runner: EffectRunner
    private let queue = EventQueue()
    private var state: InboxState
    private var terminal: NcursesTerminal?
    private var lastVersion: Int64?
    private var indexer: Task<Void, Never>?

    /// How often the store is polled for changes by other processes.
    static let pollInterval = 0.25

    public init(environment: InboxEnvironment, keymap: Keymap = .standard, monochrome: Bool) {
        self.environment = environment
        runner = EffectRunner(environment: environment, queue: queue)
        let name = URL(fileURLWithPath: environment.store.location).lastPathComponent
        state = InboxState(size: TerminalSize(columns: 80, rows: 24), now: environment.clock(), storeName: name, keymap: keymap)
        state.operatorName = environment.operatorName
        state.bell = environment.bell
        state.showsChannels = environment.showsChannels
        state.missingConfigPath = environment.missingConfigPath
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
        lastVersion = try? environment.store.changeVersion()
        InboxRuntime.start(&state, perform: perform)
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
                if let version = try? environment.store.changeVersion(), version != lastVersion {
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

    private func dispatch(_ event: InboxEvent) {
        InboxRuntime.step(&state, event, perform: perform)
    }

    private func perform(_ effect: InboxEffect) -> [InboxEvent] {
        switch effect {
        case .openEditor(let conversationID, let text):
            return openEditor(conversationID: conversationID, text: text)
        case .copy(let text):
            terminal?.copyToClipboard(text)
            return []
        case .alert(let unread, let ring):
            if ring { terminal?.ring() }
            terminal?.setTitle(unread > 0 ? "switchboard (\(unread) unread)" : "switchboard")
            return []
        default:
            break
        }
        return runner.perform(effect)
    }

    /// Hands the terminal to `$EDITOR` and comes back with what was written.
    private func openEditor(conversationID: Int64, text: String) -> [InboxEvent] {
        guard let command = environment.editor, let terminal else { return [.failed("set $EDITOR to write long replies")] }
        do {
            let initial = text.isEmpty ? (try environment.store.draft(conversationID: conversationID) ?? "") : text
            let edited = try terminal.suspend { try ExternalEditor.edit(initial, command: command) }
            return [.editorFinished(conversationID: conversationID, text: edited)]
        } catch {
            return [.failed("editor: \(error)")]
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
