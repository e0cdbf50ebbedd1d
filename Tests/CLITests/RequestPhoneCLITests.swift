import Foundation
import Testing

/// `reply --request-phone` (SPEC §3/§4): the interactive ask inside the window, to the BSUID
/// in `recipient`; the template marked `request_contact_info` outside it; refusals in order.
@Suite("Asking for the phone")
struct RequestPhoneCLITests {
    static let inWindow = ["SWITCHBOARD_NOW": "2026-11-20T12:00:00Z", "META_TOKEN": "t"]
    static let closed = ["SWITCHBOARD_NOW": "2026-12-20T12:00:00Z", "META_TOKEN": "t"]

    func sampleStore() throws -> String {
        let store = CLIRun.temporaryStore()
        #expect(try CLIRun.sample(store, ["replay", "Assets/webhooks"], environment: Self.inWindow).status == 0)
        return store
    }

    @Test func insideTheWindowTheInteractiveAskGoesToTheBSUID() throws {
        let store = try sampleStore()
        let run = try CLIRun.sample(store, ["reply", "--to", "@realsheenanelson", "--channel", "support", "--request-phone",
                                            "--text", "May we have your number?", "--dry-run", "--json"], environment: Self.inWindow)
        #expect(run.status == 0, "\(run.stderr)")
        let body = try #require(((try run.json() as? [String: Any])?["request"] as? [String: Any])?["body"] as? [String: Any])
        #expect(body["type"] as? String == "interactive")
        #expect(body["recipient"] as? String == "US.13491208655302741918")
        #expect(body["to"] == nil)
        let interactive = try #require(body["interactive"] as? [String: Any])
        #expect(interactive["type"] as? String == "request_contact_info")
        #expect((interactive["body"] as? [String: Any])?["text"] as? String == "May we have your number?")
        #expect((interactive["action"] as? [String: Any])?["name"] as? String == "request_contact_info")
    }

    @Test func outsideTheWindowTheMarkedTemplateGoes() throws {
        let store = try sampleStore()
        let run = try CLIRun.sample(store, ["reply", "--to", "@realsheenanelson", "--channel", "support", "--request-phone",
                                            "--dry-run", "--json"], environment: Self.closed)
        #expect(run.status == 0, "\(run.stderr)")
        let body = try #require(((try run.json() as? [String: Any])?["request"] as? [String: Any])?["body"] as? [String: Any])
        #expect(body["type"] as? String == "template")
        #expect((body["template"] as? [String: Any])?["name"] as? String == "share_phone")
        #expect(body["recipient"] as? String == "US.13491208655302741918")
    }

    @Test(arguments: [
        (["--to", "+447911123456"], inWindow, "phone_already_known"),
        (["--to", "@realsheenanelson", "--channel", "webex"], inWindow, "request_phone_unsupported"),
    ])
    func refusalsExitThree(_ arguments: [String], _ environment: [String: String], _ code: String) throws {
        let store = try sampleStore()
        let run = try CLIRun.sample(store, ["reply", "--request-phone", "--json"] + arguments, environment: environment)
        #expect(run.status == 3, "\(run.stdout) \(run.stderr)")
        #expect((try run.json() as? [String: Any])?["error"] as? String == code)
    }

    @Test func withoutAMarkedTemplateAClosedWindowIsRefused() throws {
        let store = try sampleStore()
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("sb-nophone-\(UUID().uuidString).toml")
        let base = try String(contentsOfFile: "Assets/config.toml", encoding: .utf8)
        try base.replacingOccurrences(of: "request_contact_info = true", with: "request_contact_info = false")
            .write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let run = try CLIRun.run(["--config", config.path, "--store", store, "reply", "--to", "@realsheenanelson", "--channel", "support",
                                  "--request-phone", "--json"], environment: Self.closed)
        #expect(run.status == 3)
        #expect((try run.json() as? [String: Any])?["error"] as? String == "no_request_phone_template")
    }

    /// Through a real send: the sandbox takes the ask like Meta and answers with a message id.
    @Test func theSandboxTakesTheAskLikeMeta() async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let store = try sampleStore()
        let run = try CLIRun.run(["--config", sandbox.configPath, "--store", store, "reply", "--to", "@realsheenanelson",
                                  "--channel", "support", "--request-phone", "--json"], environment: Self.inWindow)
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        let answer = try #require(try run.json() as? [String: Any])
        #expect(answer["sent"] as? Bool == true)
        #expect((answer["message_id"] as? String)?.isEmpty == false)
        let send = try #require(try await sandbox.sends().last)
        #expect(((send["body"] as? [String: Any])?["interactive"] as? [String: Any])?["type"] as? String == "request_contact_info")
    }
}
