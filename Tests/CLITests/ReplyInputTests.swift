import Foundation
import Testing

/// Issue "Operator safety" 8: what the provider would reject is refused first (exit 2, one
/// line, `invalid_request` with --json); planning comes before secrets (a refusal is exit 3
/// even without a token); a mistyped command says what it meant.
@Suite("Reply input and command names")
struct ReplyInputTests {
    static let environment = ["SWITCHBOARD_NOW": "2026-11-20T12:00:00Z", "WEBEX_TOKEN": "", "META_TOKEN": ""]

    func sampleStore() throws -> String {
        let store = CLIRun.temporaryStore()
        #expect(try CLIRun.sample(store, ["replay", "Assets/webhooks"], environment: Self.environment).status == 0)
        return store
    }

    @Test(arguments: [
        (["--text", ""], "the text is empty"),
        (["--text", "   "], "the text is empty"),
        (["--text", String(repeating: "é", count: 4097)], "4097 characters"),
        (["--template", "nonexistent"], "unknown template \"nonexistent\""),
        (["--template", "order_update"], "template order_update takes 2 parameters (order number, delivery date); 0 given"),
        (["--template", "order_update", "--param", "A-17"], "takes 2 parameters"),
    ])
    func invalidRequestsExitTwoWithOneLine(_ arguments: [String], _ reason: String) throws {
        let store = try sampleStore()
        let run = try CLIRun.sample(store, ["reply", "--to", "@realsheenanelson", "--channel", "support", "--dry-run", "--json"] + arguments,
                                    environment: Self.environment)
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains(reason), "\(run.stderr)")
        let body = try #require(try run.json() as? [String: Any])
        #expect(body["error"] as? String == "invalid_request")
    }

    @Test func aTemplateWithTheRightParametersIsPlanned() throws {
        let store = try sampleStore()
        var environment = Self.environment
        environment["SWITCHBOARD_NOW"] = "2026-12-20T12:00:00Z"   // window closed: templates only
        let run = try CLIRun.sample(store, ["reply", "--to", "+447911123456", "--template", "order_update", "--param", "A-17",
                                            "--param", "Friday", "--dry-run", "--json"], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("A-17") && run.stdout.contains("Friday"))
    }

    /// Formulas never reach a spreadsheet; on a terminal, escape sequences never reach it.
    @Test func csvExportNeutralizesFormulas() throws {
        let store = try sampleStore()
        let hostile = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Eve"},"wa_id":"16505550111"}],"messages":[{"from":"16505550111","id":"wamid.FORMULA","timestamp":"1795190000","type":"text","text":{"body":"=HYPERLINK(\"http://x\",\"y\")"}}]}}]}]}"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sb-formula-\(UUID().uuidString).json")
        try Data(hostile.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try CLIRun.sample(store, ["replay", file.path], environment: Self.environment).status == 0)
        let csv = try CLIRun.sample(store, ["export", "--format", "csv"], environment: Self.environment)
        let row = try #require(csv.stdout.split(separator: "\n").first { $0.contains("HYPERLINK") })
        #expect(row.contains(#""'=HYPERLINK(""http://x"",""y"")""#), "\(row)")
        #expect(!csv.stdout.contains(",=HYPERLINK"))
    }

    @Test func showFindsAContactByAConflictingPhone() throws {
        let store = try sampleStore()
        let run = try CLIRun.sample(store, ["show", "+1 650 555 9999", "--json"], environment: Self.environment)
        #expect(run.status == 0, "\(run.stderr)")
        let body = try #require(try run.json() as? [String: Any])
        let contact = try #require(body["contact"] as? [String: Any])
        #expect(contact["username"] as? String == "@pablomorales")
    }

    @Test func homeDecidesWhereTheDefaultsAre() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sb-home-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let run = try CLIRun.run(["contacts", "--json"], environment: ["HOME": home, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": ""])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: home + "/.local/share/switchboard/inbox.sqlite"))
    }

    @Test func aRefusalIsReportedEvenWithoutAToken() throws {
        let store = try sampleStore()
        var environment = Self.environment
        environment["SWITCHBOARD_NOW"] = "2026-12-20T12:00:00Z"
        let run = try CLIRun.sample(store, ["reply", "--to", "@realsheenanelson", "--channel", "webex", "--text", "hi", "--json"],
                                    environment: environment)
        #expect(run.status == 3, "\(run.stderr)")
        #expect((try run.json() as? [String: Any])?["error"] as? String == "service_window_closed")
    }

    @Test(arguments: [("conversatons", "did you mean \"conversations\""), ("frobnicate", "unknown command \"frobnicate\"")])
    func aMistypedCommandSaysWhatItMeant(_ word: String, _ message: String) throws {
        let run = try CLIRun.run([word])
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
    }
}

extension ReplyInputTests {
    /// A customer who stopped marketing messages: `contacts --json` says so per channel, and a
    /// marketing template there is refused (exit 3, `marketing_opted_out`).
    @Test func aStoppedCustomerIsShownAndNotSentMarketing() throws {
        let store = try sampleStore()
        let body = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"user_preferences","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena Nelson"},"user_id":"US.13491208655302741918"}],"user_preferences":[{"user_id":"US.13491208655302741918","category":"marketing_messages","value":"stop","detail":"","timestamp":1795190000}]}}]}]}"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sb-stop-\(UUID().uuidString).json")
        try Data(body.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try CLIRun.sample(store, ["replay", file.path], environment: Self.environment).status == 0)
        let contacts = try CLIRun.sample(store, ["contacts", "--json"], environment: Self.environment)
        let rows = try #require(try contacts.json() as? [[String: Any]])
        let sheena = try #require(rows.first { $0["bsuid"] as? String == "US.13491208655302741918" })
        #expect((sheena["marketing"] as? [String: String]) == ["support": "stopped"])
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("sb-promo-\(UUID().uuidString).toml")
        let base = try String(contentsOfFile: "Assets/config.toml", encoding: .utf8)
        try (base + "\n[[template]]\nname = \"promo\"\nlanguage = \"en_US\"\ncategory = \"marketing\"\n").write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let reply = try CLIRun.run(["--config", config.path, "--store", store, "reply", "--to", "@realsheenanelson", "--channel", "support",
                                    "--template", "promo", "--dry-run", "--json"], environment: Self.environment)
        #expect(reply.status == 3, "\(reply.stdout) \(reply.stderr)")
        #expect(reply.stdout.contains("marketing_opted_out"))
    }
}
