import Foundation

/// Runs `$VISUAL`/`$EDITOR` on a temporary file for a long reply. Started directly with
/// argv (no shell), so nothing in the draft or the path is ever interpreted.
enum ExternalEditor {
    /// The edited text, or nil when the editor failed or left the file empty.
    static func edit(_ text: String, command: String) throws -> String? {
        let parts = command.split(separator: " ").map(String.init)
        guard !parts.isEmpty else { return nil }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-reply-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).txt")
        try Data(text.utf8).write(to: url, options: .atomic)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = parts + [url.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let edited = try String(contentsOf: url, encoding: .utf8)
        let trimmed = edited.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
