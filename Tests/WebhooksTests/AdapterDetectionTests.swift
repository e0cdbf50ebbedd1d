import Identity
import Testing
import Webhooks

/// Every fixture and the rows that check it.
let allFixtureCases = sinchCases + sinchConversationCases + azureCases + connectlyCases + kapsoCases + webexCases

@Suite struct AdapterDetectionTests {
    /// Detection is strict: no body may look like two non-Meta providers (a wrong guess is
    /// worse than "unknown"), and the one that recognizes it is the one it came from.
    @Test(arguments: try WebhookFixture.all().filter { !$0.name.hasPrefix("invalid") })
    func recognizedByExactlyItsProvider(_ fixture: WebhookFixture) throws {
        let json = try fixture.json()
        let recognizing = WebhookDecoder.adapters.filter { $0.provider != .meta && $0.recognizes(json) }
            .map(\.provider)
        if MetaAdapter().recognizes(json) || fixture.directory == "meta" {
            #expect(WebhookDecoder.detect(json) == .meta)
        } else {
            #expect(recognizing.map(\.rawValue) == [fixture.directory])
            #expect(WebhookDecoder.detect(json)?.rawValue == fixture.directory)
        }
    }

    /// Every fixture file is checked by a table row (or is a deliberate special case).
    @Test func everyFixtureHasARow() throws {
        let covered = Set(allFixtureCases.map(\.fixture.description))
            .union(["sinch/invalid-seed-example", "azure/subscription-validation",
                    "sinch/conversation-contact-create", "sinch/conversation-inbound-sms"])
        // Only the directories these tables own; other fixture sets (Meta) have their own tests.
        let owned: Set<String> = ["sinch", "azure", "connectly", "kapso", "webex"]
        let onDisk = Set(try WebhookFixture.all().filter { owned.contains($0.directory) }.map(\.description))
        #expect(onDisk.subtracting(covered).isEmpty, "untested: \(onDisk.subtracting(covered).sorted())")
        #expect(covered.subtracting(onDisk).isEmpty, "missing: \(covered.subtracting(onDisk).sorted())")
    }

    @Test(arguments: [
        #"{"hello": "world"}"#,
        #"[]"#,
        #"{"total": 1, "data": []}"#,
        #"{"sender": {"id": "1"}, "recipient": {"id": "2"}}"#,
        #"[{"eventType": "x"}]"#,
        #"{"batch": true, "data": [{"foo": 1}]}"#,
    ])
    func unknownShapesAreNotGuessed(body: String) {
        let result = WebhookDecoder.decode(Array(body.utf8), provider: nil, receivedAt: WebhookFixture.receivedAt)
        guard case .failure(.unknownShape) = result else {
            Issue.record("expected unknown shape, got \(result)")
            return
        }
    }

    /// Naming the wrong provider is refused rather than decoded into nonsense.
    @Test func wrongProviderIsRefused() throws {
        let bytes = try WebhookFixture(directory: "sinch", name: "status-read-bsuid").bytes()
        let result = WebhookDecoder.decode(bytes, provider: .azure, receivedAt: WebhookFixture.receivedAt)
        guard case .failure(.wrongProvider(.azure)) = result else {
            Issue.record("expected wrong provider, got \(result)")
            return
        }
    }
}
