import Crypto
public import Foundation
public import Identity
public import JSON
public import Webhooks

/// One webhook body as received or replayed, before decoding.
public struct RawWebhook: Sendable {
    public var body: [UInt8]
    /// Provider named by the route or `--provider`; `nil` to detect by shape.
    public var provider: ProviderKind?
    /// Channel named by the route or `--channel`; `nil` to match by the payload's number/id.
    public var channelName: String?
    public var receivedAt: Date
    /// What is kept of the request headers: the allow-list of `StoredHeaders`, never credentials.
    public var headers: [String: String]
    /// The size the body had when it arrived (more than `body.count` for an over-limit body
    /// of which only the first bytes are kept).
    public var size: Int

    public init(body: [UInt8], provider: ProviderKind? = nil, channelName: String? = nil,
                receivedAt: Date, headers: [String: String] = [:], size: Int? = nil) {
        self.body = body
        self.size = size ?? body.count
        self.provider = provider
        self.channelName = channelName
        self.receivedAt = receivedAt
        self.headers = StoredHeaders.filter(headers)
    }
}

/// What ingesting one webhook did.
public enum IngestOutcome: Sendable, Hashable {
    /// New or partly new: `applied` events were new, `skipped` were already known.
    case ingested(applied: Int, skipped: Int)
    /// The same body was ingested before; nothing changed.
    case duplicate
    /// Not usable; the raw body is in the quarantine with this reason.
    case quarantined(reason: String)
    /// A subscription handshake to answer, not data.
    case handshake(Handshake)
    /// A valid body with nothing for the inbox (SPEC §2): kept in the raw log, not applied.
    case ignored(reason: String)
}

/// A webhook decoded and hashed, ready to be written. Preparing is CPU work that needs no
/// database, so replay prepares on one core while the writer commits on the other.
public struct PreparedWebhook: Sendable {
    public let raw: RawWebhook
    /// SHA-256 of the body.
    let digest: SHA256Digest
    /// The digest in hex: the quarantine's key for the same body.
    public var dedupeKey: String { digest.hexString }
    /// The raw log's dedupe key: the digest's first 16 bytes. A 128-bit blob keeps the log's
    /// UNIQUE index a third of the size of 64 hex characters (fewer pages to read, write and
    /// checkpoint per webhook); a collision stays out of reach at 2⁻⁶⁴ after 2³² bodies.
    public var logKey: Data { digest.logKey }
    public let decoded: Result<DecodedBody, WebhookRejection>
    /// Set when re-projecting an event already in the raw log (`rebuild`).
    let loggedEventID: Int64?

    public init(_ raw: RawWebhook) {
        self.init(raw, loggedEventID: nil)
    }

    /// Prepares a body that was already parsed (replay parses each line once).
    public init(_ raw: RawWebhook, parsed: JSONValue) {
        self.raw = raw
        self.digest = SHA256.hash(data: raw.body)
        self.decoded = WebhookDecoder.decode(parsed, provider: raw.provider, receivedAt: raw.receivedAt)
        self.loggedEventID = nil
    }

    /// How much of an over-limit body the quarantine keeps.
    public static let keptPrefixBytes = 65_536

    /// A body over `limit` bytes: quarantined with its first bytes and its size, never decoded.
    /// The dedupe key is the whole body's, so the same huge body is kept once.
    public static func oversized(_ raw: RawWebhook, limit: Int) -> PreparedWebhook {
        var kept = raw
        kept.body = Array(raw.body.prefix(keptPrefixBytes))
        kept.size = raw.body.count
        return PreparedWebhook(kept, digest: SHA256.hash(data: raw.body),
                               rejected: .tooLarge(bytes: raw.body.count, limit: limit))
    }

    private init(_ raw: RawWebhook, digest: SHA256Digest, rejected: WebhookRejection) {
        self.raw = raw
        self.digest = digest
        self.decoded = .failure(rejected)
        self.loggedEventID = nil
    }

    /// Prepares a body that could not be used before decoding (e.g. a broken envelope).
    public init(_ raw: RawWebhook, rejected: WebhookRejection) {
        self.raw = raw
        self.digest = SHA256.hash(data: raw.body)
        self.decoded = .failure(rejected)
        self.loggedEventID = nil
    }

    init(_ raw: RawWebhook, loggedEventID: Int64?) {
        self.raw = raw
        self.loggedEventID = loggedEventID
        self.digest = SHA256.hash(data: raw.body)
        self.decoded = WebhookDecoder.decode(raw.body, provider: raw.provider, receivedAt: raw.receivedAt)
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hex.
    var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension SHA256Digest {
    var hexString: String { Array(self).hexString }

    /// The first 16 bytes, copied from the digest's storage in one step (`Data(prefix(16))`
    /// went byte by byte through generic sequences: 2% of the replay writer).
    var logKey: Data {
        withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, bytes.count >= 16 else { return Data(bytes) }
            return Data(bytes: base, count: 16)
        }
    }
}

/// The raw log's key for a body (as `PreparedWebhook.logKey`).
func rawLogKey(of body: [UInt8]) -> Data { SHA256.hash(data: body).logKey }

extension PreparedWebhook {
    /// What a transaction keeps of a webhook it may have to run again: a decoded body is
    /// kept as its bytes and decoded again (the decoded form is several times their size,
    /// and replay keeps 8,000 per transaction); anything else is kept whole.
    enum Retained {
        case body(RawWebhook)
        indirect case whole(PreparedWebhook)

        /// The webhook again, as it was prepared.
        var prepared: PreparedWebhook {
            switch self {
            case .body(let raw): PreparedWebhook(raw)
            case .whole(let webhook): webhook
            }
        }
    }

    var retained: Retained {
        if case .success = decoded, loggedEventID == nil { return .body(raw) }
        return .whole(self)
    }
}
