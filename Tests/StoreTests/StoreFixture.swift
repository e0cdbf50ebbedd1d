import Foundation
import Identity
import Webhooks
@_spi(Testing) @testable import Store

/// A store on a temp file with the sample channels of Assets/config.toml.
struct StoreFixture {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Assets").standardized
    static let receivedAt = Date(timeIntervalSince1970: 1_795_200_000)
    static let channels = ChannelDirectory([
        Channel(name: "support", provider: .meta, number: "15550783881", id: "106540352242922",
                portfolio: "acme", parentGroup: "acme-group"),
        Channel(name: "sales", provider: .meta, number: "15550783882", id: "106540352242923",
                portfolio: "acme-retail", parentGroup: "acme-group"),
    ])

    let store: SQLiteStore
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-test-\(UUID().uuidString).sqlite").path
        store = try SQLiteStore(path: path)
    }

    /// The sample Meta webhooks, in name order.
    static func metaSamples() throws -> [(name: String, body: [UInt8])] {
        let dir = assets.appendingPathComponent("webhooks/meta")
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { ($0, Array(try Data(contentsOf: dir.appendingPathComponent($0)))) }
    }

    @discardableResult
    func ingest(_ body: [UInt8], channel: String? = nil) throws -> IngestOutcome {
        try store.ingest(RawWebhook(body: body, channelName: channel, receivedAt: Self.receivedAt), channels: Self.channels)
    }

    func ingest(_ json: String) throws -> IngestOutcome { try ingest(Array(json.utf8)) }

    func ingestSamples() throws -> [String: IngestOutcome] {
        var outcomes: [String: IngestOutcome] = [:]
        for (name, body) in try Self.metaSamples() { outcomes[name] = try ingest(body) }
        return outcomes
    }

    /// Everything a projection holds, as comparable text.
    func projection() throws -> String {
        let contacts = try store.contacts().map { c in
            "\(c.id)|\(c.name ?? "")|\(c.username ?? "")|\(c.phone ?? "")|\(c.bsuid ?? "")|\(c.parentBSUID ?? "")|"
                + c.identifiers.map { "\($0.kind.rawValue):\($0.value)@\($0.scope ?? ""):\($0.current)" }.joined(separator: ",")
        }
        let conversations = try store.conversations().map {
            "\($0.id)|\($0.contactID)|\($0.channel)|\($0.messageCount)|\($0.unread)|\($0.preview ?? "")"
        }
        var messages: [String] = []
        try store.forEachMessage { messages.append("\($0.conversationID)|\($0.providerMessageID ?? "")|\($0.text)|\($0.status?.rawValue ?? "")") }
        return (contacts + conversations + messages).joined(separator: "\n")
    }
}
