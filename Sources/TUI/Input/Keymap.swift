/// Which key triggers which action. Defaults follow SPEC §7 (vi-style plus arrows); the
/// `[keys]` config table remaps them (`reply = "R"`, `move_down = ["j", "ctrl-n"]`).
public struct Keymap: Sendable, Hashable {
    public private(set) var bindings: [KeyEvent: Action]

    public init(bindings: [KeyEvent: Action]) {
        self.bindings = bindings
    }

    public static let standard = Keymap(bindings: [
        .character("j"): .moveDown, .down: .moveDown,
        .character("k"): .moveUp, .up: .moveUp,
        .character("g"): .top, .home: .top,
        .character("G"): .bottom, .end: .bottom,
        .pageUp: .pageUp, .control("b"): .pageUp,
        .pageDown: .pageDown, .control("f"): .pageDown,
        .control("d"): .halfPageDown, .control("u"): .halfPageUp,
        .enter: .open, .character("l"): .open, .right: .open,
        .escape: .back, .character("h"): .back, .left: .back,
        .tab: .switchPane, .backTab: .switchPane,
        .character("i"): .identity,
        .character("r"): .reply,
        .character("e"): .editor,
        .character("/"): .search,
        .character("u"): .unreadOnly,
        .character("v"): .cycleView,
        .character("x"): .resolve,
        .character("z"): .snooze,
        .character("a"): .assignMe,
        .character("A"): .assignTo,
        .character("U"): .markUnread,
        .character("]"): .nextUnread,
        .character("["): .previousUnread,
        .character("n"): .note,
        .character("N"): .previousMatch,
        .character("y"): .copyIdentifier,
        .character("p"): .requestPhone,
        .character("?"): .help, .function(1): .help,
        .character(":"): .commandLine,
        .character("q"): .quit,
    ])

    public func action(for key: KeyEvent) -> Action? { bindings[key] }

    /// Keys bound to `action`, sorted by name (for help).
    public func keys(for action: Action) -> [KeyEvent] {
        bindings.filter { $0.value == action }.map(\.key).sorted { $0.name < $1.name }
    }

    /// A problem in the `[keys]` table.
    public struct RemapError: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    /// The keymap with the given actions rebound: each named action loses its default keys
    /// and gets the listed ones. Unknown actions or key names are errors, not ignored.
    public func remapped(_ overrides: [String: [String]]) throws(RemapError) -> Keymap {
        var result = bindings
        for (actionName, keyNames) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let action = Action(rawValue: actionName) else {
                throw RemapError(description: "unknown action \"\(actionName)\" in [keys]")
            }
            result = result.filter { $0.value != action }
            for keyName in keyNames {
                guard let key = KeyEvent(name: keyName) else {
                    throw RemapError(description: "unknown key \"\(keyName)\" for \(actionName) in [keys]")
                }
                result[key] = action
            }
        }
        return Keymap(bindings: result)
    }
}
