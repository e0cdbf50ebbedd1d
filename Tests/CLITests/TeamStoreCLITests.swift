import Foundation
import Testing

/// The whole CLI on the team store (SPEC §10): the same replay gives the same JSON on SQLite
/// and PostgreSQL, and a store URL that cannot be used is one line and a non-zero exit —
/// never a hang, a password on screen, or a local file in its place.
@Suite("Team store CLI", .enabled(if: TeamStoreServer.adminURL != nil))
struct TeamStoreCLITests {
    /// JSON with store ids (which differ between two stores) blanked.
    static func withoutIDs(_ text: String) -> String {
        text.replacingOccurrences(of: #""(id|contact_id|conversation_id|message_id|other_contact_id|survivor|merged)" ?: ?"?[0-9]+"?"#,
                                  with: #""$1":N"#, options: .regularExpression)
    }

    @Test func theSameReplayGivesTheSameJSONOnBothBackends() throws {
        let team = try TeamStoreServer.scratchDatabase()
        let file = CLIRun.temporaryStore()
        // A fixed clock: fields such as the service window depend on "now".
        let now = ["SWITCHBOARD_NOW": "2026-11-20T11:05:00Z"]
        for store in [file, team] {
            let replay = try CLIRun.sample(store, ["replay", "Assets/webhooks"], environment: now)
            #expect(replay.status == 0, "\(replay.stderr)")
        }
        for command in [["contacts", "--json"], ["conversations", "--json"], ["export", "--format", "json"], ["quarantine", "--json"]] {
            let sqlite = try CLIRun.sample(file, command, environment: now)
            let postgres = try CLIRun.sample(team, command, environment: now)
            #expect(sqlite.status == 0 && postgres.status == 0, "\(command): \(postgres.stderr)")
            #expect(!sqlite.stdout.isEmpty)
            #expect(Self.withoutIDs(sqlite.stdout) == Self.withoutIDs(postgres.stdout), "\(command)")
        }
        // A second replay is all duplicates on both.
        let again = try CLIRun.sample(team, ["replay", "Assets/webhooks"])
        #expect(again.stdout.contains("ingested 0"), "\(again.stdout)")
    }

    @Test(arguments: [
        ("postgres://switchboard_operator:wrong-secret@127.0.0.1:PORT/switchboard_team?sslmode=disable", "authentication failed"),
        ("postgres://switchboard_operator:wrong-secret@127.0.0.1:9/switchboard_team", "connection refused"),
        ("postgres://postgres@127.0.0.1:PORT/no_such_database?sslmode=disable", "does not exist"),
        ("postgresql://postgres@127.0.0.1:PORT/postgres?sslmode=sometimes", "sslmode"),
        ("postgres:/switchboard_operator@127.0.0.1:PORT/switchboard_team", "not a valid URL"),
    ])
    func anUnusableStoreURLIsOneLineAndExitsNonZero(_ url: String, _ reason: String) throws {
        let port = try #require(TeamStoreServer.port)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-url-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = url.replacingOccurrences(of: "PORT", with: String(port))
        let started = Date()
        let run = try CLIRun.run(["contacts", "--store", store], environment: ["PGPASSWORD": ""], in: directory)
        #expect(run.status != 0)
        #expect(Date().timeIntervalSince(started) < 15)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains(reason), "\(run.stderr)")
        #expect(!run.stderr.contains("wrong-secret"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no local file")
    }

    /// An inbox on the team store shows a message another process received within a second:
    /// the writer's commit NOTIFYs, the inbox's listening connection wakes it.
    @Test(.enabled(if: TmuxSession.isAvailable)) func anInboxShowsAnotherProcesssMessageWithinASecond() throws {
        let team = try TeamStoreServer.scratchDatabase()
        let environment = TUIEndToEndTests.environment
        #expect(try CLIRun.sample(team, ["replay", "Assets/webhooks"], environment: environment).status == 0)
        let tui = try TmuxSession.start([CLIRun.binary.path, "--config", "Assets/config.toml", "--store", team],
                                        environment: environment)
        defer { tui.kill() }
        try tui.waitFor(" Open 26 ")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sb-live-\(UUID().uuidString).json")
        let body = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Live Lena"},"user_id":"US.13491208655302749999"}],"messages":[{"from_user_id":"US.13491208655302749999","id":"wamid.LIVE1","timestamp":"1795300000","type":"text","text":{"body":"arrived through NOTIFY"}}]}}]}]}"#
        try Data(body.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try CLIRun.sample(team, ["replay", file.path], environment: environment).status == 0)
        let committed = Date()
        let screen = try tui.waitFor({ $0.contains("Live Lena") }, attempts: 30)
        #expect(screen.contains("Live Lena"), "\(screen)")
        #expect(screen.contains(" Open 27 "))
        #expect(Date().timeIntervalSince(committed) < 1.0)
    }

    @Test func thePasswordMayComeFromPGPASSWORD() throws {
        let port = try #require(TeamStoreServer.port)
        let store = "postgres://switchboard_operator@127.0.0.1:\(port)/switchboard_team?sslmode=disable"
        let run = try CLIRun.run(["contacts", "--json", "--store", store], environment: ["PGPASSWORD": "operator-secret"])
        #expect(run.status == 0, "\(run.stderr)")
    }
}

/// The PostgreSQL server of the test run (`SWITCHBOARD_TEST_POSTGRES`, started by `.ci/run`
/// with `Scripts/postgres-test-cluster.sh`).
enum TeamStoreServer {
    static var adminURL: String? {
        guard let url = ProcessInfo.processInfo.environment["SWITCHBOARD_TEST_POSTGRES"], !url.isEmpty else { return nil }
        return url
    }

    static var port: Int? { adminURL.flatMap { URLComponents(string: $0)?.port } }

    /// A new empty database on the server, as a store URL.
    static func scratchDatabase() throws -> String {
        let admin = try #require(adminURL)
        let name = "switchboard_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        psql.arguments = ["psql", "-q", admin, "-c", "CREATE DATABASE \(name)"]
        try psql.run()
        psql.waitUntilExit()
        try #require(psql.terminationStatus == 0)
        var url = try #require(URLComponents(string: admin))
        url.path = "/" + name
        return try #require(url.string)
    }
}
