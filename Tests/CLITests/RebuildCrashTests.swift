import Foundation
import Testing

/// `rebuild` is one swap: killed with -9 at any moment, it leaves a store every command reads
/// exactly as before (SPEC §9).
@Suite(.serialized)
struct RebuildCrashTests {
    @Test func killedRebuildLeavesTheOldProjectionWhole() throws {
        let store = CLIRun.temporaryStore()
        let events = FileManager.default.temporaryDirectory.appendingPathComponent("rebuild-\(UUID().uuidString).ndjson").path
        #expect(try CLIRun.run(["generate", "--events", "20000", "--contacts", "3000", "--output", events]).status == 0)
        #expect(try CLIRun.sample(store, ["replay", events]).status == 0)
        let contacts = try CLIRun.sample(store, ["contacts", "--json"]).stdout
        let exported = try CLIRun.sample(store, ["export", "--format", "json"]).stdout
        #expect(contacts.count > 1000)

        for delay in [0.2, 0.5, 1.0] {
            let process = Process()
            process.executableURL = CLIRun.binary
            process.arguments = ["--config", "Assets/config.toml", "--store", store, "rebuild"]
            process.currentDirectoryURL = CLIRun.repository
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try CLIRun.sample(store, ["contacts", "--json"]).stdout == contacts)
            #expect(try CLIRun.sample(store, ["export", "--format", "json"]).stdout == exported)
        }
        let finished = try CLIRun.sample(store, ["rebuild"])
        #expect(finished.status == 0)
        #expect(try CLIRun.sample(store, ["contacts", "--json"]).stdout == contacts)
    }
}
