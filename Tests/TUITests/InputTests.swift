import Testing
@testable import TUI

@Suite("Key decoding and keymap")
struct InputTests {
    @Test(arguments: [
        (KeyDecoder.ok, UInt32(0x6A), KeyEvent.character("j")),
        (KeyDecoder.ok, 0x0A, .enter),
        (KeyDecoder.ok, 0x0D, .enter),
        (KeyDecoder.ok, 0x1B, .escape),
        (KeyDecoder.ok, 0x09, .tab),
        (KeyDecoder.ok, 0x7F, .backspace),
        (KeyDecoder.ok, 0x04, .control("d")),
        (KeyDecoder.ok, 0x4E2D, .character("中")),
        (KeyDecoder.ok, 0x1F600, .character("😀")),
        (KeyDecoder.keyCodeYes, 0o402, .down),
        (KeyDecoder.keyCodeYes, 0o403, .up),
        (KeyDecoder.keyCodeYes, 0o522, .pageDown),
        (KeyDecoder.keyCodeYes, 0o523, .pageUp),
        (KeyDecoder.keyCodeYes, 0o632, .resize),
        (KeyDecoder.keyCodeYes, 0o411, .function(1)),
        (KeyDecoder.keyCodeYes, 0o407, .backspace),
    ])
    func decodes(_ status: Int32, _ value: UInt32, _ expected: KeyEvent) {
        #expect(KeyDecoder.decode(status: status, value: value) == expected)
    }

    @Test func timeoutsAndUnknownsDecodeToNothing() {
        #expect(KeyDecoder.decode(status: KeyDecoder.err, value: 0) == nil)
        #expect(KeyDecoder.decode(status: KeyDecoder.ok, value: 0x9B) == nil)
        #expect(KeyDecoder.decode(status: KeyDecoder.keyCodeYes, value: 0o777) == nil)
        #expect(KeyDecoder.decode(status: KeyDecoder.ok, value: 0xD800) == nil)
    }

    @Test(arguments: ["j", "ctrl-d", "pgdn", "enter", "esc", "space", "f5", "G", "shift-tab"])
    func keyNamesRoundTrip(_ name: String) throws {
        let key = try #require(KeyEvent(name: name))
        #expect(KeyEvent(name: key.name) == key)
    }

    @Test func standardKeymapFollowsTheSpec() {
        let map = Keymap.standard
        #expect(map.action(for: .character("j")) == .moveDown)
        #expect(map.action(for: .down) == .moveDown)
        #expect(map.action(for: .character("G")) == .bottom)
        #expect(map.action(for: .enter) == .open)
        #expect(map.action(for: .character("i")) == .identity)
        #expect(map.action(for: .character("/")) == .search)
        #expect(map.action(for: .character("u")) == .unreadOnly)
    }

    @Test func remappingReplacesTheDefaults() throws {
        let map = try Keymap.standard.remapped(["reply": ["R"], "move_down": ["n", "down"]])
        #expect(map.action(for: .character("R")) == .reply)
        #expect(map.action(for: .character("r")) == nil)
        #expect(map.action(for: .character("n")) == .moveDown)
        #expect(map.action(for: .character("j")) == nil)
        #expect(map.action(for: .down) == .moveDown)
    }

    @Test func remappingRejectsUnknownNames() {
        #expect(throws: Keymap.RemapError.self) { try Keymap.standard.remapped(["fly": ["x"]]) }
        #expect(throws: Keymap.RemapError.self) { try Keymap.standard.remapped(["reply": ["hyper-x"]]) }
    }
}
