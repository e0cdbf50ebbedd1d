import Foundation
import Testing

/// The command-line contract of SPEC §4, through the real binary.
@Suite(.serialized)
struct CommandContractTests {
    @Test func replayTwiceThenContacts() throws {
        let store = CLIRun.temporaryStore()
        let first = try CLIRun.sample(store, ["replay", "Assets/webhooks/meta"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("ingested 18, duplicates 0, quarantined 2"))
        #expect(first.stderr.contains("09_malformed.json"))
        let second = try CLIRun.sample(store, ["replay", "Assets/webhooks/meta"])
        #expect(second.stdout.contains("ingested 0, duplicates 18, quarantined 2"))

        let contacts = try #require(try CLIRun.sample(store, ["contacts", "--json"]).json() as? [[String: Any]])
        let sheena = try #require(contacts.first { $0["username"] as? String == "@realsheenanelson" })
        #expect(sheena["phone"] is NSNull)
        #expect(sheena["bsuid"] as? String != nil)
        #expect(sheena["parent_bsuid"] as? String == "US.ENT.11815799212886844830")
        #expect(sheena["identity_source"] as? String == "bsuid_fallback")
        let identifiers = try #require(sheena["identifiers"] as? [[String: Any]])
        #expect(identifiers.contains { $0["kind"] as? String == "bsuid" && $0["scope"] as? String == "acme" && $0["current"] as? Bool == true })
        #expect(identifiers.contains { $0["kind"] as? String == "username" && $0["scope"] is NSNull })
        #expect(contacts.filter { $0["identity_source"] as? String == "bsuid_fallback" }.count >= 5)
    }

    @Test func globalOptionsWorkAfterTheCommandName() throws {
        let store = CLIRun.temporaryStore()
        _ = try CLIRun.sample(store, ["replay", "Assets/webhooks/meta"])
        let after = try CLIRun.run(["contacts", "--json", "--store", store, "--config", "Assets/config.toml"])
        #expect(after.status == 0)
        #expect((try after.json() as? [Any])?.count == 10)
    }

    @Test func conversationsShowAndExportShapes() throws {
        let store = CLIRun.temporaryStore()
        _ = try CLIRun.sample(store, ["replay", "Assets/webhooks/meta"])
        let conversations = try #require(try CLIRun.sample(store, ["conversations", "--json"]).json() as? [[String: Any]])
        #expect(Set(conversations[0].keys) == ["id", "contact_id", "contact_name", "channel", "provider", "messages",
                                                "unread", "last_message_at", "last_message_preview", "last_direction",
                                                "status", "snoozed_until", "assignee", "window_closes_at"])
        #expect(conversations[0]["provider"] as? String == "meta")
        let show = try #require(try CLIRun.sample(store, ["show", "GB.4477009001230000", "--json"]).json() as? [String: Any])
        #expect((show["contact"] as? [String: Any])?["phone"] as? String == "447700900123")
        #expect((show["conversations"] as? [Any])?.count == 1)
        let export = try #require(try CLIRun.sample(store, ["export", "--format", "json"]).json() as? [[String: Any]])
        #expect(export.count == 18)
        #expect(export.allSatisfy { $0["identity_source"] as? String != nil && $0["direction"] as? String == "in" })
        let csv = try CLIRun.sample(store, ["export", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(csv.first == "id,provider_message_id,conversation_id,contact_id,channel,direction,type,text,status,error_code,timestamp,phone,bsuid,parent_bsuid,username,identity_source")
    }

    @Test func errorsAreOneLineWithNonZeroExit() throws {
        let store = CLIRun.temporaryStore()
        let missing = try CLIRun.sample(store, ["replay", "/nonexistent/file.json", "Assets/webhooks/meta/01_phone_and_bsuid.json"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("ingested 1"))
        #expect(missing.stderr.contains("/nonexistent/file.json"))
        let strict = try CLIRun.sample(store, ["replay", "--strict", "Assets/webhooks/meta/09_malformed.json"])
        #expect(strict.status == 2)
        let unknown = try CLIRun.sample(store, ["show", "@nobody"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        let badConfig = try CLIRun.run(["--config", "/nonexistent.toml", "--store", store, "contacts"])
        #expect(badConfig.status != 0)
        #expect(badConfig.stderr.contains("/nonexistent.toml"))
    }

    @Test func recordedEnvelopesInNDJSON() throws {
        let store = CLIRun.temporaryStore()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("env-\(UUID().uuidString).ndjson")
        let body = try String(contentsOf: CLIRun.repository.appendingPathComponent("Assets/webhooks/meta/02_bsuid_only_username.json"), encoding: .utf8)
        let compact = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(body.utf8)))
        let asObject = #"{"provider":"meta","channel":"support","received_at":"2026-11-20T10:00:00Z","headers":{},"body":"# + String(decoding: compact, as: UTF8.self) + "}"
        let escaped = String(decoding: try JSONSerialization.data(withJSONObject: [String(decoding: compact, as: UTF8.self)]), as: UTF8.self).dropFirst().dropLast()
        let asString = #"{"provider":"meta","received_at":1795168800,"body":"# + escaped + "}"
        try (asObject + "\n" + asString + "\n\nnot json\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIRun.sample(store, ["replay", file.path])
        #expect(result.stdout.contains("ingested 2, duplicates 0, quarantined 1"))
        #expect(result.stderr.contains(":4:"))
        let messages = try #require(try CLIRun.sample(store, ["export"]).json() as? [[String: Any]])
        #expect(messages.count == 1)
    }
}

/// Nothing raw reaches a terminal: `replay` lines carry file names and payload values.
@Suite(.serialized)
struct TerminalSafeOutputTests {
    @Test func replayLinesAreTerminalSafe() throws {
        let store = CLIRun.temporaryStore()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let name = "evil\u{1B}]52;c;cGF5bG9hZA==\u{07}\u{202E}.json"
        let body = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"#
            + #""metadata":{"display_phone_number":"1555\u001b[2J","phone_number_id":"\u009b31m\u202e"},"#
            + #""messages":[{"from":"15551234567","id":"wamid.X","timestamp":"1795190000","type":"text","text":{"body":"x"}}]}}]}]}"#
        try body.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let result = try CLIRun.sample(store, ["replay", directory.path])
        #expect(result.stderr.contains("quarantined"))
        for scalar in (result.stderr + result.stdout).unicodeScalars {
            #expect(scalar.value == 0x0A || (scalar.value >= 0x20 && !(0x7F..<0xA0).contains(scalar.value)),
                    "raw control U+\(String(scalar.value, radix: 16)) in output")
            #expect(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value))
        }
    }
}

@Suite(.serialized)
struct CheckCommandTests {
    @Test func theSampleConfigNamesItsUnsignedChannels() throws {
        let result = try CLIRun.sample(CLIRun.temporaryStore(), ["check"])
        #expect(result.status == 0)
        for channel in ["sales", "latam", "azure-support", "webex"] {
            #expect(result.stdout.contains("warning: channel \(channel): no webhook_secret_env"))
        }
        #expect(result.stdout.contains("0 errors"))
    }

    @Test func errorsExitOne() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).toml")
        try """
            [[channel]]
            name = "a"
            provider = "meta"
            id = "1"
            portfolio = "p"
            allow_unsigned = true
            [[channel]]
            name = "b"
            provider = "meta"
            id = "1"
            portfolio = "p"
            allow_unsigned = true
            """.write(to: file, atomically: true, encoding: .utf8)
        let duplicate = try CLIRun.run(["--config", file.path, "--store", CLIRun.temporaryStore(), "check"])
        #expect(duplicate.status == 1)
        #expect(duplicate.stdout.contains("error: channels a and b both have id 1 on meta"))
        #expect(duplicate.stdout.contains("warning: channel a: allow_unsigned = true"))
        try "[[channel]]\nname = \"a\"\nprovider = \"meta\"\nportfolio = \"p\"\nbsuid_sendng = false\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let typo = try CLIRun.run(["--config", file.path, "--store", CLIRun.temporaryStore(), "check"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean `bsuid_sending`?"))
        #expect(typo.stderr.split(separator: "\n").count == 1)
    }
}

@Suite(.serialized)
struct ReplayLimitTests {
    @Test func bodiesOverMaxBodyBytesAreQuarantinedWithTheirSize() throws {
        let store = CLIRun.temporaryStore()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).json")
        let text = String(repeating: "x", count: 4_000_000)
        let body = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"#
            + #""metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"#
            + #""messages":[{"from":"15551234567","id":"wamid.HUGE","timestamp":"1795190000","type":"text","text":{"body":""#
            + text + #""}}]}}]}]}"#
        try body.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIRun.sample(store, ["replay", file.path])
        #expect(result.stdout.contains("quarantined 1"))
        #expect(result.stderr.contains("over max_body_bytes"))
        let entries = try #require(try CLIRun.sample(store, ["quarantine", "--json"]).json() as? [[String: Any]])
        #expect(entries.first?["size"] as? Int == body.utf8.count)
        #expect((try CLIRun.sample(store, ["export"]).json() as? [Any])?.isEmpty == true)
    }
}
