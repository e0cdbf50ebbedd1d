/// The loop body shared by the program and the benchmark: an event goes through the pure
/// update, then every event its effects produce, in order. `perform` runs one effect (a store
/// query, a send) and returns the events it produced; with a pure `perform` (tests) the whole
/// step is pure.
public enum InboxRuntime {
    /// Applies `event` and everything it leads to.
    public static func step(_ state: inout InboxState, _ event: InboxEvent,
                            perform: (InboxEffect) -> [InboxEvent]) {
        var pending = [event]
        while !pending.isEmpty {
            let next = pending.removeFirst()
            for effect in InboxUpdate.apply(&state, next) { pending += perform(effect) }
        }
    }

    /// The start-up effects (first list page, counts), then what they produce.
    public static func start(_ state: inout InboxState, perform: (InboxEffect) -> [InboxEvent]) {
        for effect in InboxUpdate.start(state) {
            for event in perform(effect) { step(&state, event, perform: perform) }
        }
    }
}
