import Foundation

/// A detached tmux session running one command at a fixed size: send keys, read the screen.
/// The end-to-end tests drive the real binary through it, as an operator would.
struct TmuxSession {
    let name: String

    static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `command` (argv, no shell) in a new session of `columns`×`rows`.
    static func start(_ command: [String], columns: Int = 120, rows: Int = 40, environment: [String: String] = [:]) throws -> TmuxSession {
        let session = TmuxSession(name: "sb-e2e-\(UUID().uuidString.prefix(8))")
        var arguments = ["new-session", "-d", "-s", session.name, "-x", "\(columns)", "-y", "\(rows)", "-c", CLIRun.repository.path]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments += command
        // Not captured: the tmux server this may start would inherit the pipe and hold it open.
        try tmux(arguments, capture: false)
        // Keep the pane after the program exits, so its last screen can still be read.
        _ = try? tmux(["set-option", "-t", session.name, "remain-on-exit", "on"])
        return session
    }

    func send(_ keys: String...) throws {
        try Self.tmux(["send-keys", "-t", name] + keys)
    }

    /// Types text literally (no key-name interpretation).
    func type(_ text: String) throws {
        try Self.tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Pastes text the way a terminal does: bracketed when the program asked for it (`-p`).
    func paste(_ text: String) throws {
        let buffer = "sb-paste-\(UUID().uuidString.prefix(8))"
        try Self.tmux(["set-buffer", "-b", buffer, text])
        try Self.tmux(["paste-buffer", "-p", "-d", "-b", buffer, "-t", name])
    }

    func capture() throws -> String {
        try Self.tmux(["capture-pane", "-p", "-t", name])
    }

    func resize(columns: Int, rows: Int) throws {
        try Self.tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    func paneTitle() throws -> String {
        try Self.tmux(["display-message", "-p", "-t", name, "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds; returns the last screen either way.
    @discardableResult
    func waitFor(_ predicate: (String) -> Bool, attempts: Int = 100) throws -> String {
        var screen = ""
        for _ in 0..<attempts {
            screen = try capture()
            if predicate(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return screen
    }

    @discardableResult
    func waitFor(_ text: String) throws -> String {
        try waitFor { $0.contains(text) }
    }

    func kill() {
        _ = try? Self.tmux(["kill-session", "-t", name])
    }

    static let closeDescriptorsThenRunTmux = """
        for fd in /proc/$$/fd/*; do n=${fd##*/}; if [ "$n" -gt 2 ] 2>/dev/null; then eval "exec $n>&-" 2>/dev/null; fi; done
        exec tmux "$@"
        """

    @discardableResult
    static func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let process = Process()
        // Foundation notices a child's exit through a descriptor the child inherits; the tmux
        // server this may start would inherit it too and the wait would never end. So every
        // descriptor above stderr is closed before tmux runs (arguments still go as argv).
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", Self.closeDescriptorsThenRunTmux, "bash"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard capture else {
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return ""
        }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
