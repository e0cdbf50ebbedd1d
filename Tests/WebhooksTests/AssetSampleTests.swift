import Foundation
import Identity
import Testing
import Webhooks

/// The replay/demo samples in `Assets/webhooks/<provider>` decode, without `--provider`, into
/// events of their own provider with nothing rejected — except deliberately invalid ones.
@Suite struct AssetSampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Assets/webhooks").standardizedFileURL

    static func samples() throws -> [String] {
        let manager = FileManager.default
        return try ["sinch", "azure", "connectly", "kapso", "webex"].flatMap { provider in
            try manager.contentsOfDirectory(atPath: root.appendingPathComponent(provider).path)
                .filter { $0.hasSuffix(".json") }.sorted().map { "\(provider)/\($0)" }
        }
    }

    @Test(arguments: try samples())
    func decodes(_ sample: String) throws {
        let bytes = Array(try Data(contentsOf: Self.root.appendingPathComponent(sample)))
        let result = WebhookDecoder.decode(bytes, provider: nil, receivedAt: WebhookFixture.receivedAt)
        if sample.contains("invalid") {
            guard case .failure(.malformedJSON) = result else {
                Issue.record("\(sample) should be malformed, got \(result)")
                return
            }
            return
        }
        guard case .success(let body) = result else {
            Issue.record("\(sample): \(result)")
            return
        }
        let directory = String(sample.prefix { $0 != "/" })
        // Raw Meta forwarded by Kapso is read as Meta.
        #expect(body.provider.rawValue == directory || (directory == "kapso" && body.provider == .meta))
        #expect(body.webhook.rejected.isEmpty, "\(body.webhook.rejected)")
        #expect(!body.webhook.events.isEmpty || body.webhook.handshake != nil)
    }

    /// Every provider's samples reach Sheena Nelson by the same (acme) BSUID, so the demo
    /// shows one contact across providers.
    @Test(arguments: ["sinch", "azure", "connectly", "kapso", "webex"])
    func sheenaAppearsOnEveryProvider(provider: String) throws {
        let names = try Self.samples().filter { $0.hasPrefix(provider + "/") && !$0.contains("invalid") }
        let bsuids = try names.flatMap { sample -> [String] in
            let bytes = Array(try Data(contentsOf: Self.root.appendingPathComponent(sample)))
            guard case .success(let body) = WebhookDecoder.decode(bytes, provider: nil, receivedAt: .distantPast)
            else { return [] }
            return body.webhook.events.compactMap { event in
                switch event {
                case .message(let m): m.customer.bsuid
                case .status(let s): s.customer.bsuid
                case .identityChange, .marketingPreference: nil
                }
            }
        }
        #expect(bsuids.contains("US.13491208655302741918"))
        // …and at least one customer per provider is phone-less.
        #expect(Set(bsuids).count >= 2)
    }
}
