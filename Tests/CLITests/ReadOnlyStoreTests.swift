import Foundation
import Testing

/// Issue "Hardening" 7: a store this user can read but not write opens read-only — read
/// commands work, a writing command says why it cannot, in one line.
@Suite("Read-only store")
struct ReadOnlyStoreTests {
    /// With `checkpointed`, the store is left without its -wal and -shm files (as after a
    /// clean close), which SQLite can then read only as an immutable file.
    @Test(arguments: [false, true])
    func readCommandsWorkAndWritesFailClearly(checkpointed: Bool) throws {
        let sqlite3 = URL(fileURLWithPath: "/usr/bin/sqlite3")
        if checkpointed, !FileManager.default.isExecutableFile(atPath: sqlite3.path) { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = directory.appendingPathComponent("inbox.sqlite").path
        #expect(try CLIRun.sample(store, ["replay", "Assets/webhooks"]).status == 0)
        if checkpointed {
            let run = try CLIRun.run([store, "PRAGMA journal_mode=DELETE;", "PRAGMA journal_mode=WAL;"], executable: sqlite3)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: store + "-shm"))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: directory.appendingPathComponent(name).path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path) }

        let contacts = try ReadOnlyRun.sample(store, ["contacts", "--json"])
        #expect(contacts.status == 0, "\(contacts.stderr)")
        #expect(contacts.stdout.contains("Sheena Nelson"))
        let show = try ReadOnlyRun.sample(store, ["show", "@realsheenanelson"])
        #expect(show.status == 0, "\(show.stderr)")
        let replay = try ReadOnlyRun.sample(store, ["rebuild"])
        #expect(replay.status == 1)
        #expect(replay.stderr.contains("read-only"), "\(replay.stderr)")
        #expect(replay.stderr.split(separator: "\n").count == 1)
    }
}

/// The binary as the `nobody` user when the tests run as root, else as the current user.
enum ReadOnlyRun {
    static func sample(_ store: String, _ arguments: [String]) throws -> CLIRun {
        let full = ["--config", CLIRun.repository.appendingPathComponent("Assets/config.toml").path, "--store", store] + arguments
        guard getuid() == 0 else { return try CLIRun.run(full) }
        return try CLIRun.run(["-u", "nobody", "--", CLIRun.binary.path] + full, executable: URL(fileURLWithPath: "/usr/sbin/runuser"))
    }
}
