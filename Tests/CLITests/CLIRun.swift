import Foundation

/// Runs the built `switchboard` binary (next to the test bundle in .build/<config>/).
struct CLIRun {
    let status: Int32
    let stdout: String
    let stderr: String

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized

    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("switchboard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/switchboard")
    }

    /// A fresh store path under the temp directory.
    static func temporaryStore() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sb-cli-\(UUID().uuidString).sqlite").path
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                    executable: URL? = nil) throws -> CLIRun {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repository
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `switchboard --config Assets/config.toml --store STORE …`
    static func sample(_ store: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CLIRun {
        try run(["--config", "Assets/config.toml", "--store", store] + arguments, environment: environment)
    }

    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    }
}
