import Foundation
import Identity
import JSON
import Webhooks

/// A webhook body stored under `Fixtures/<provider dir>/<name>.json`.
struct WebhookFixture: CustomStringConvertible, Sendable {
    let directory: String
    let name: String

    /// Fixtures are read from the source tree so a new file shows up without a resource rebuild.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Stand-in for "now" in every decode: payloads without timestamps get this one.
    static let receivedAt = Date(timeIntervalSince1970: 1_800_000_000)

    var url: URL { Self.root.appendingPathComponent(directory).appendingPathComponent(name + ".json") }
    var description: String { "\(directory)/\(name)" }

    func bytes() throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    func json() throws -> JSONValue { try JSONParser.parse(try bytes()) }

    /// Decoded with detection (no provider given), as `replay` does without `--provider`.
    func decode() throws -> Result<DecodedBody, WebhookRejection> {
        WebhookDecoder.decode(try bytes(), provider: nil, receivedAt: Self.receivedAt)
    }

    /// Every fixture on disk.
    static func all() throws -> [WebhookFixture] {
        let manager = FileManager.default
        return try manager.contentsOfDirectory(atPath: root.path).sorted().flatMap { directory in
            try manager.contentsOfDirectory(atPath: root.appendingPathComponent(directory).path)
                .filter { $0.hasSuffix(".json") }.sorted()
                .map { WebhookFixture(directory: directory, name: String($0.dropLast(5))) }
        }
    }
}

/// The fields of a normalized event a test compares, flattened so a table row reads as one line.
struct EventSummary: Hashable, CustomStringConvertible, Sendable {
    enum Kind: String, Sendable { case message, status }

    var kind: Kind
    var id: String
    var phone: String? = nil
    var bsuid: String? = nil
    var parent: String? = nil
    var username: String? = nil
    var name: String? = nil
    var country: String? = nil
    var legacySource: String? = nil
    var channelNumber: String? = nil
    var channelID: String? = nil
    /// Message display text, or the status value.
    var what: String
    var errorCode: String? = nil
    /// Unix seconds (milliseconds kept as the fraction).
    var time: Double

    init(_ event: InboundEvent) {
        let customer: CustomerIdentity
        switch event {
        case .message(let m):
            kind = .message; id = m.id; what = m.content.displayText
            time = m.timestamp.timeIntervalSince1970; customer = m.customer
        case .status(let s):
            kind = .status; id = s.messageID; what = s.status.rawValue; errorCode = s.error?.code
            time = s.timestamp.timeIntervalSince1970; customer = s.customer
        case .identityChange(let c):
            kind = .status; id = c.id; what = "identity change"
            time = c.timestamp.timeIntervalSince1970; customer = c.current
        case .marketingPreference(let p):
            kind = .status; id = "user_preferences"; what = p.stopped ? "marketing stop" : "marketing resume"
            time = p.timestamp.timeIntervalSince1970; customer = p.customer
        }
        phone = customer.phone; bsuid = customer.bsuid; parent = customer.parentBSUID
        username = customer.username; name = customer.name; country = customer.country
        legacySource = customer.legacyIDSource
        channelNumber = event.channel.number; channelID = event.channel.id
        time = (time * 1000).rounded() / 1000
    }

    init(kind: Kind, id: String, phone: String? = nil, bsuid: String? = nil, parent: String? = nil,
         username: String? = nil, name: String? = nil, country: String? = nil, legacySource: String? = nil,
         channelNumber: String? = nil, channelID: String? = nil, what: String, errorCode: String? = nil,
         time: Double) {
        self.kind = kind; self.id = id; self.phone = phone; self.bsuid = bsuid; self.parent = parent
        self.username = username; self.name = name; self.country = country; self.legacySource = legacySource
        self.channelNumber = channelNumber; self.channelID = channelID; self.what = what
        self.errorCode = errorCode; self.time = time
    }

    var description: String {
        "\(kind) \(id) phone=\(phone ?? "-") bsuid=\(bsuid ?? "-") parent=\(parent ?? "-") "
            + "user=\(username ?? "-") name=\(name ?? "-") cc=\(country ?? "-") src=\(legacySource ?? "-") "
            + "ch=\(channelNumber ?? "-")/\(channelID ?? "-") \(what) err=\(errorCode ?? "-") t=\(time)"
    }
}

/// One row of an adapter table: a fixture and what decoding it must give.
struct FixtureCase: CustomStringConvertible, Sendable {
    let fixture: WebhookFixture
    let provider: ProviderKind
    let expected: [EventSummary]

    init(_ directory: String, _ name: String, as provider: ProviderKind, _ expected: [EventSummary]) {
        fixture = WebhookFixture(directory: directory, name: name)
        self.provider = provider
        self.expected = expected
    }

    var description: String { fixture.description }
}
