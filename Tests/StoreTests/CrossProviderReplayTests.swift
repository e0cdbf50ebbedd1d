import Foundation
import Identity
import Testing
@_spi(Testing) @testable import Store

/// Every provider's sample webhooks, replayed into one store without naming a provider.
struct CrossProviderReplayTests {
    static let channels = ChannelDirectory(StoreFixture.channels.channels + [
        Channel(name: "latam", provider: .sinch, number: "5511999990000", portfolio: "acme", parentGroup: "acme-group"),
        Channel(name: "azure-support", provider: .azure, id: "11111111-1111-1111-1111-111111111111",
                portfolio: "acme", parentGroup: "acme-group"),
        Channel(name: "connectly", provider: .connectly, number: "15550001111", portfolio: "acme", parentGroup: "acme-group"),
        Channel(name: "kapso", provider: .kapso, number: "15550003333", id: "kapso-pnid-1",
                portfolio: "acme", parentGroup: "acme-group"),
        Channel(name: "webex", provider: .webex, number: "15550002222", portfolio: "acme", parentGroup: "acme-group"),
    ])

    static func allSamples() throws -> [[UInt8]] {
        let root = StoreFixture.assets.appendingPathComponent("webhooks")
        let files = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { Array(try Data(contentsOf: root.appendingPathComponent($0))) }
    }

    @Test func samePersonOnSixProvidersIsOneContact() throws {
        let fixture = try StoreFixture()
        var quarantined = 0
        for body in try Self.allSamples() {
            let outcome = try fixture.store.ingest(RawWebhook(body: body, receivedAt: StoreFixture.receivedAt), channels: Self.channels)
            if case .quarantined = outcome { quarantined += 1 }
        }
        #expect(quarantined == 3)   // two broken bodies and one unknown business number
        let sheena = try #require(try fixture.store.findContact(ref: "US.13491208655302741918"))
        let channels = Set(try fixture.store.conversations(contact: sheena.id).map(\.channel))
        #expect(channels == ["support", "sales", "latam", "azure-support", "connectly", "kapso", "webex"])
        #expect(sheena.phone == nil)
        #expect(try fixture.store.contacts().filter { $0.username == "@realsheenanelson" }.count == 1)
        // Nothing acknowledged is lost: every message that arrived is stored once.
        var messages = 0
        try fixture.store.forEachMessage { _ in messages += 1 }
        let before = try fixture.projection()
        #expect(try fixture.store.rebuild(channels: Self.channels) > 0)
        #expect(try fixture.projection() == before)
        #expect(messages > 30)
    }
}
