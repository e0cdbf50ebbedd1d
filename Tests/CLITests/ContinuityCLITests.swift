import Foundation
import Testing

/// `switchboard continuity` and `show --json` `continuity` (SPEC §3/§4): the states follow
/// `contact_book_since` and the 30-day window.
@Suite("Phone continuity on the command line")
struct ContinuityCLITests {
    func run(since: String, now: String, _ arguments: [String]) throws -> CLIRun {
        let store = CLIRun.temporaryStore()
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("sb-cont-\(UUID().uuidString).toml")
        let base = try String(contentsOfFile: "Assets/config.toml", encoding: .utf8)
        try base.replacingOccurrences(of: "contact_book_since = \"2026-11-20\"", with: "contact_book_since = \"\(since)\"")
            .write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let environment = ["SWITCHBOARD_NOW": now]
        #expect(try CLIRun.run(["--config", config.path, "--store", store, "replay", "Assets/webhooks"], environment: environment).status == 0)
        return try CLIRun.run(["--config", config.path, "--store", store] + arguments, environment: environment)
    }

    func states(_ run: CLIRun) throws -> [String: String] {
        let rows = try #require(try run.json() as? [[String: Any]])
        return Dictionary(rows.map { (($0["phone"] as? String) ?? "", ($0["state"] as? String) ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    @Test func phoneMessagesSinceTheContactBookStartedKeepThePhone() throws {
        let result = try run(since: "2026-04-01", now: "2026-11-20T12:00:00Z", ["continuity", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let states = try states(result)
        #expect(states["447911123456"] == "contact_book")
        #expect(Set(states.values) == ["contact_book"])
    }

    @Test func beforeTheContactBookOnlyThe30DayWindowKeepsIt() throws {
        // The contact book starts after every recorded message: only the window counts.
        var result = try run(since: "2026-12-01", now: "2026-11-20T12:00:00Z", ["continuity", "--json"])
        let rows = try #require(try result.json() as? [[String: Any]])
        let omar = try #require(rows.first { $0["phone"] as? String == "447911123456" })
        #expect(omar["state"] as? String == "phone_window")
        #expect(omar["phone_window_until"] as? String == "2026-12-20T10:48:20Z")
        #expect(omar["last_phone_interaction_at"] as? String == "2026-11-20T10:48:20Z")
        // 30 days after the last phone message, to the second: at risk.
        result = try run(since: "2026-12-01", now: "2026-12-20T10:48:20Z", ["continuity", "--json"])
        #expect(try states(result)["447911123456"] == "at_risk")
        result = try run(since: "2026-12-01", now: "2026-12-20T10:48:19Z", ["continuity", "--json"])
        #expect(try states(result)["447911123456"] == "phone_window")
        let show = try run(since: "2026-12-01", now: "2026-12-25T00:00:00Z", ["show", "+447911123456", "--json"])
        let body = try #require(try show.json() as? [String: Any])
        let continuity = try #require(body["continuity"] as? [[String: Any]])
        #expect(continuity.first?["state"] as? String == "at_risk")
    }

    @Test func anUnknownChannelIsAnError() throws {
        let result = try run(since: "2026-04-01", now: "2026-11-20T12:00:00Z", ["continuity", "--channel", "nope"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown channel \"nope\""))
    }
}

extension ContinuityCLITests {
    /// `continuity --send`: the template goes by phone to every at-risk contact, through a real
    /// (sandbox) send, with a summary; a marketing template skips a stopped customer.
    @Test func sendGoesByPhoneToEveryAtRiskContactThroughTheSandbox() async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let store = CLIRun.temporaryStore()
        let base = try String(contentsOfFile: sandbox.configPath, encoding: .utf8)
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("sb-cont-send-\(UUID().uuidString).toml")
        try (base.replacingOccurrences(of: "contact_book_since = \"2026-11-20\"", with: "contact_book_since = \"2026-12-01\"")
             + "\n[[template]]\nname = \"keep_in_touch\"\nlanguage = \"en_US\"\ncategory = \"utility\"\n")
            .write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let environment = ["SWITCHBOARD_NOW": "2026-12-25T00:00:00Z", "META_TOKEN": "t", "SINCH_TOKEN": "t", "AZURE_TOKEN": "t",
                           "CONNECTLY_TOKEN": "t", "KAPSO_TOKEN": "t", "WEBEX_TOKEN": "t", "ACS_TOKEN": "t"]
        func sb(_ arguments: [String]) throws -> CLIRun {
            try CLIRun.run(["--config", config.path, "--store", store] + arguments, environment: environment)
        }
        #expect(try sb(["replay", "Assets/webhooks"]).status == 0)
        let listed = try #require(try sb(["continuity", "--json"]).json() as? [[String: Any]])
        let atRisk = listed.filter { $0["state"] as? String == "at_risk" }
        #expect(!atRisk.isEmpty)
        let dry = try sb(["continuity", "--send", "keep_in_touch", "--dry-run", "--limit", "2", "--json"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let planned = try #require(try dry.json() as? [[String: Any]])
        #expect(planned.count == 2)
        #expect(planned.allSatisfy { ($0["identifier"] as? [String: Any])?["kind"] as? String == "phone" }, "\(planned)")
        #expect(try await sandbox.sends().isEmpty, "a dry run sends nothing")

        let run = try sb(["continuity", "--send", "keep_in_touch"])
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("sent \(atRisk.count), refused 0, failed 0"), "\(run.stdout)")
        let sends = try await sandbox.sends()
        #expect(sends.count == atRisk.count)
        for send in sends {
            let body = try #require(send["body"] as? [String: Any])
            #expect(body["recipient"] == nil, "never a BSUID: \(body)")
        }
        #expect(try sb(["continuity", "--send", "order_update"]).status == 2, "a template with parameters is refused")
    }
}
