import Foundation

/// The inbox without a terminal: the same update, effects against the same store, and the
/// view rendered to a grid. Used by the inbox benchmark (a key costs exactly this plus
/// ncurses' diffed copy) and by tests that need the real store behind the keys.
public struct HeadlessInbox {
    private let runner: EffectRunner
    public private(set) var state: InboxState

    public init(environment: InboxEnvironment, size: TerminalSize) {
        runner = EffectRunner(environment: environment, queue: EventQueue())
        state = InboxState(size: size, now: environment.clock(), storeName: "headless")
        state.operatorName = environment.operatorName
        state.bell = environment.bell
        state.showsChannels = environment.showsChannels
    }

    /// Opens the inbox (first list page, counts) and renders the first frame.
    @discardableResult
    public mutating func start() -> ScreenGrid {
        InboxRuntime.start(&state, perform: runner.perform)
        return InboxView.render(state)
    }

    /// One event through the update and its effects, then the frame it leads to.
    @discardableResult
    public mutating func dispatch(_ event: InboxEvent) -> ScreenGrid {
        InboxRuntime.step(&state, event, perform: runner.perform)
        return InboxView.render(state)
    }

    @discardableResult
    public mutating func press(_ key: KeyEvent) -> ScreenGrid { dispatch(.key(key)) }
}
