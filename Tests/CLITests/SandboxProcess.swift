import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `switchboard sandbox --port 0` in the background, and a config pointing every channel at
/// it, so a reply from the TUI lands somewhere the test can inspect.
final class SandboxProcess {
    let process = Process()
    let port: Int
    let configPath: String

    init() throws {
        process.executableURL = CLIRun.binary
        process.arguments = ["--config", "Assets/config.toml", "sandbox", "--port", "0", "--delay-ms", "50"]
        process.currentDirectoryURL = CLIRun.repository
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The first stderr line names the port: "sandbox listening on http://127.0.0.1:PORT".
        var text = ""
        var found: Int?
        while found == nil {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: "127.0.0.1:"), let line = text[range.upperBound...].split(separator: "\n").first {
                found = Int(line.prefix { $0.isNumber })
            }
        }
        guard let found else { throw SandboxStartFailed(output: text) }
        port = found
        let config = try String(contentsOf: CLIRun.repository.appendingPathComponent("Assets/config.toml"), encoding: .utf8)
            .replacingOccurrences(of: "127.0.0.1:8090", with: "127.0.0.1:\(found)")
        configPath = FileManager.default.temporaryDirectory.appendingPathComponent("sb-e2e-\(UUID().uuidString).toml").path
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// The sends the sandbox accepted (GET /sandbox/sends).
    func sends() async throws -> [[String: Any]] {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/sandbox/sends"))
        let (data, _) = try await URLSession.shared.data(from: url)
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: configPath)
    }

    struct SandboxStartFailed: Error, CustomStringConvertible {
        var output: String
        var description: String { "sandbox did not start: \(output)" }
    }
}
