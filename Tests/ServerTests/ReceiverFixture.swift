import NIOHTTP1
import NIOCore
import AsyncHTTPClient
import Config
import Crypto
import Foundation
import Testing
import Identity
import InMemoryLogging
import Logging
import Server
@_spi(Testing) import Store

/// Secrets for the test channels, put in this process's environment once (setenv) under
/// names unique to this run, the way an operator exports them before `switchboard serve`.
enum TestSecrets {
    static let prefix = "SWITCHBOARD_TEST_\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))_"

    /// Variable name → value, installed on first use.
    static let installed: [String: String] = {
        let values = [
            "SUPPORT_SECRET": "support-app-secret-\(UUID().uuidString)",
            "SALES_SECRET": "sales-app-secret-\(UUID().uuidString)",
            "KAPSO_SECRET": "kapso-secret-\(UUID().uuidString)",
            "CONNECTLY_SECRET": "connectly-secret-\(UUID().uuidString)",
            "WEBEX_SECRET": "webex-secret-\(UUID().uuidString)",
            "SINCH_SECRET": "sinch-secret-\(UUID().uuidString)",
            "AZURE_SECRET": "azure-secret-\(UUID().uuidString)",
            "SUPPORT_VERIFY": "verify-\(UUID().uuidString)",
        ]
        var installed: [String: String] = [:]
        for (name, value) in values {
            setenv(prefix + name, value, 1)
            installed[prefix + name] = value
        }
        return installed
    }()

    static func variable(_ name: String) -> String { prefix + name }

    static func value(_ name: String) -> String { installed[prefix + name] ?? "" }
}

/// One configured channel per provider, each with a secret, plus `open` (no secret) and
/// `locked` (names a secret variable that is never set).
enum TestChannels {
    static let support = Identity.Channel(name: "support", provider: .meta, number: "15550783881", id: "106540352242922",
                                 portfolio: "acme", webhookSecretEnv: TestSecrets.variable("SUPPORT_SECRET"),
                                 verifyTokenEnv: TestSecrets.variable("SUPPORT_VERIFY"))
    static let sales = Identity.Channel(name: "sales", provider: .meta, number: "15550783882", id: "106540352242923",
                               portfolio: "acme", webhookSecretEnv: TestSecrets.variable("SALES_SECRET"))
    static let open = Identity.Channel(name: "open", provider: .meta, number: "15550783883", id: "106540352242924",
                              portfolio: "acme", allowUnsigned: true)
    /// No secret and no `allow_unsigned`: refused.
    static let unsigned = Identity.Channel(name: "unsigned", provider: .meta, number: "15550783885", id: "106540352242926",
                                           portfolio: "acme")
    static let locked = Identity.Channel(name: "locked", provider: .meta, number: "15550783884", id: "106540352242925",
                                portfolio: "acme", webhookSecretEnv: TestSecrets.variable("NEVER_SET"))
    static let kapso = Identity.Channel(name: "kapso-line", provider: .kapso, number: "15550003333", id: "kapso-pnid-1",
                               portfolio: "acme", webhookSecretEnv: TestSecrets.variable("KAPSO_SECRET"))
    static let connectly = Identity.Channel(name: "connectly-line", provider: .connectly, number: "15550001111",
                                   portfolio: "acme", webhookSecretEnv: TestSecrets.variable("CONNECTLY_SECRET"))
    static let webex = Identity.Channel(name: "webex-line", provider: .webex, number: "15550002222",
                               portfolio: "acme", webhookSecretEnv: TestSecrets.variable("WEBEX_SECRET"))
    static let sinch = Identity.Channel(name: "sinch-line", provider: .sinch, number: "5511999990000",
                               portfolio: "acme", webhookSecretEnv: TestSecrets.variable("SINCH_SECRET"))
    static let azure = Identity.Channel(name: "azure-line", provider: .azure, id: "11111111-1111-1111-1111-111111111111",
                               portfolio: "acme", webhookSecretEnv: TestSecrets.variable("AZURE_SECRET"))

    static let all = [support, sales, open, unsigned, locked, kapso, connectly, webex, sinch, azure]

    /// The channel with a secret for each provider (Meta: `support`).
    static func signed(_ provider: ProviderKind) -> Identity.Channel {
        switch provider {
        case .meta: support
        case .kapso: kapso
        case .connectly: connectly
        case .webex: webex
        case .sinch: sinch
        case .azure: azure
        }
    }

    static func secret(of channel: Identity.Channel) -> String {
        channel.webhookSecretEnv.map { TestSecrets.installed[$0] ?? "" } ?? ""
    }
}

/// Log lines collected in memory (swift-log's `InMemoryLogHandler`), to check what the
/// receiver writes (and never writes), as `level message key=value…` text.
struct LogCapture: Sendable {
    private let handler = InMemoryLogHandler()

    var lines: [String] {
        handler.entries.map { entry in
            let fields = entry.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            return "\(entry.level) \(entry.message) \(fields)"
        }
    }

    var logger: Logger {
        let handler = handler
        return Logger(label: "server-tests") { _ in handler }
    }
}

/// HTTP methods the tests use.
enum Verb: String, Sendable {
    case GET, POST, OPTIONS, HEAD
}

/// What came back from one request.
struct Reply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String
}

/// A receiver on a free loopback port over a fresh temp-file store.
struct ReceiverFixture: Sendable {
    let store: any RelationalStore
    let running: RunningReceiver
    let logs: LogCapture

    /// The store backends a receiver test can run on: SQLite always, PostgreSQL when
    /// `SWITCHBOARD_TEST_POSTGRES` names a server.
    enum Backend: String, Sendable, CaseIterable {
        case sqlite, postgres

        static var available: [Backend] {
            ProcessInfo.processInfo.environment["SWITCHBOARD_TEST_POSTGRES"].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgres] } ?? [.sqlite]
        }
    }

    /// Runs `body` against a fresh receiver, then stops it (also when `body` throws).
    static func with(backend: Backend = .sqlite, maxBodyBytes: Int = 3_145_728, idleTimeout: Duration = .seconds(15),
                     maxConnections: Int? = nil, headDeadline: Duration = .seconds(10), bodyDeadline: Duration = .seconds(30),
                     _ body: @Sendable (ReceiverFixture) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-server-test-\(UUID().uuidString).sqlite").path
        let store: any RelationalStore
        switch backend {
        case .sqlite:
            store = try SQLiteStore(path: path)
        case .postgres:
            let admin = ProcessInfo.processInfo.environment["SWITCHBOARD_TEST_POSTGRES"] ?? ""
            store = try PostgresStore(url: try #require(URLComponents(string: try PostgresStore.createScratchDatabase(adminURL: admin))))
        }
        _ = TestSecrets.installed
        let config = SwitchboardConfig(server: ServerSettings(host: "127.0.0.1", port: 0, maxBodyBytes: maxBodyBytes),
                                       channels: TestChannels.all)
        let logs = LogCapture()
        let receiver = WebhookReceiver(store: store, config: config, logger: logs.logger, idleTimeout: idleTimeout,
                                       maxConnections: maxConnections, headDeadline: headDeadline, bodyDeadline: bodyDeadline)
        let running = try await receiver.start(port: 0)
        let fixture = ReceiverFixture(store: store, running: running, logs: logs)
        let outcome: Result<Void, any Error>
        do {
            try await body(fixture)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        await running.stop()
        removeStore(at: path)
        try outcome.get()
    }

    static func removeStore(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    func url(_ path: String) -> String { running.baseURL + path }

    func send(_ method: Verb, _ path: String, headers: [String: String] = [:],
              body: [UInt8]? = nil, chunked: Bool = false, timeoutSeconds: Int64 = 30) async throws -> Reply {
        var request = HTTPClientRequest(url: url(path))
        request.method = .init(rawValue: method.rawValue)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.body = chunked ? .bytes(body, length: .unknown) : .bytes(body)
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeoutSeconds))
        let buffer = try await response.body.collect(upTo: 1 << 20)
        var replyHeaders: [String: String] = [:]
        for header in response.headers { replyHeaders[header.name.lowercased()] = header.value }
        return Reply(status: Int(response.status.code), headers: replyHeaders,
                     body: String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    /// Posts `body` signed for `channel` (its provider's scheme and secret) to `path`.
    func postSigned(_ body: [UInt8], for channel: Identity.Channel, to path: String,
                    timeoutSeconds: Int64 = 30) async throws -> Reply {
        let signed = Signer.sign(body, scheme: channel.provider, secret: TestChannels.secret(of: channel))
        return try await send(.POST, path + signed.query, headers: signed.headers, body: body,
                              timeoutSeconds: timeoutSeconds)
    }

    var quarantineCount: Int { get throws { try store.quarantined().count } }
}

/// Signs bodies the way each provider does.
enum Signer {
    static func sign(_ body: [UInt8], scheme provider: ProviderKind, secret: String) -> (headers: [String: String], query: String) {
        let key = SymmetricKey(data: Array(secret.utf8))
        let mac = Array(HMAC<SHA256>.authenticationCode(for: body, using: key))
        switch provider {
        case .meta: return (["X-Hub-Signature-256": "sha256=" + hex(mac)], "")
        case .kapso: return (["X-Webhook-Signature": hex(mac)], "")
        case .connectly: return (["x-connectly-hmac-sha256": Data(mac).base64EncodedString()], "")
        case .webex: return (["x-hub-signature": "sha256=" + hex(mac)], "")
        case .sinch:
            let nonce = "nonce-1", timestamp = "1795200000"
            let signed = body + Array(".\(nonce).\(timestamp)".utf8)
            let sinchMAC = HMAC<SHA256>.authenticationCode(for: signed, using: key)
            return ([
                "x-sinch-webhook-signature": Data(sinchMAC).base64EncodedString(),
                "x-sinch-webhook-signature-nonce": nonce,
                "x-sinch-webhook-signature-timestamp": timestamp,
            ], "")
        case .azure:
            let escaped = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? secret
            return ([:], "?secret=" + escaped)
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}

/// Webhook bodies addressed to the test channels, unique per call (a fresh message id), so
/// no test sees another's duplicate.
enum Bodies {
    static func unique() -> String { UUID().uuidString }

    /// A Meta text message to the business number `phoneNumberID` / `number` (`support` by default).
    static func meta(phoneNumberID: String = TestChannels.support.id ?? "", number: String? = nil,
                     id: String = unique()) -> [UInt8] {
        let display = number ?? TestChannels.all.first { $0.id == phoneNumberID }?.number ?? "15559990000"
        return Array("""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",\
            "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"\(display)",\
            "phone_number_id":"\(phoneNumberID)"},"contacts":[{"profile":{"name":"Pablo"},"wa_id":"16505551234",\
            "user_id":"US.13491208655302741920"}],"messages":[{"id":"wamid.\(id)","timestamp":"1795168800",\
            "type":"text","text":{"body":"Is the blue jacket back?"},"from":"16505551234",\
            "from_user_id":"US.13491208655302741920"}]}}]}]}
            """.utf8)
    }

    /// A message of `provider`'s own shape, addressed to its signed test channel.
    static func sample(_ provider: ProviderKind, id: String = unique()) -> [UInt8] {
        switch provider {
        case .meta:
            return meta(id: id)
        case .kapso:
            return Array("""
                {"message":{"id":"wamid.KAPSO.\(id)","timestamp":"1795171900","type":"text","text":{"body":"Hola"},\
                "from":"34612345678","from_user_id":"ES.33445566778899","kapso":{"direction":"inbound","status":"received"}},\
                "conversation":{"id":"kconv-1","phone_number":"34612345678","business_scoped_user_id":"ES.33445566778899"},\
                "phone_number_id":"kapso-pnid-1"}
                """.utf8)
        case .connectly:
            return Array("""
                {"timestamp":"1795171700","sender":{"id":"GB.77001928374655","channelType":"whatsapp","name":"Omar",\
                "userId":"GB.77001928374655","phoneNumber":"+447911123456"},"recipient":{"id":"+15550001111",\
                "channelType":"whatsapp","name":"Acme","userId":"","phoneNumber":""},\
                "message":{"id":"cn-\(id)","text":"Where is my parcel?"}}
                """.utf8)
        case .webex:
            return Array("""
                {"event":"MO","channel":"whatsapp","messageId":"wx-\(id)","waid":"447700900123","waidSource":"native",\
                "bsuid":"GB.90817263544321","to":"15550002222","timestamp":"1780000000",\
                "message":{"type":"text","text":{"body":"Can I change my slot?"}}}
                """.utf8)
        case .sinch:
            return Array("""
                {"total":1,"data":[{"id":"sinch-\(id)","source":"5511987654321","origin":"5511999990000",\
                "userProfile":{"name":"Mariana","phoneNumber":"5511987654321","userId":"BR.4471902835561209"},\
                "message":{"type":"TEXT","messageText":"Olá!"},"receivedAt":1795171060217}]}
                """.utf8)
        case .azure:
            return Array("""
                [{"id":"\(id)","topic":"/acme-acs","subject":"advancedMessage/sender/14255551234/recipient/\
                11111111-1111-1111-1111-111111111111","eventType":"Microsoft.Communication.AdvancedMessageReceived",\
                "eventTime":"2026-05-28T20:26:41.000Z","data":{"channelType":"whatsapp","messageId":"acs-\(id)",\
                "messageType":"text","content":"Hi there!","from":"14255551234","fromBSUID":"US.13491208655302741918",\
                "to":"11111111-1111-1111-1111-111111111111","receivedTimestamp":"2026-05-28T20:26:40.123+00:00"},\
                "dataVersion":"1.0","metadataVersion":"1"}]
                """.utf8)
        }
    }

    /// Event Grid's subscription validation, as Azure posts it.
    static func eventGridValidation(code: String) -> [UInt8] {
        Array("""
            [{"id":"2d1781af","topic":"/subscriptions/x/acme-acs","subject":"","data":{"validationCode":"\(code)",\
            "validationUrl":"https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/acme/validate?id=1"},\
            "eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-05-28T19:00:00Z",\
            "metadataVersion":"1","dataVersion":"2"}]
            """.utf8)
    }
}

/// Starting and stopping a receiver outside `ReceiverFixture.with`.
enum ReceiverFixtureProbe {
    /// Starts a receiver, checks it answers, stops it, and returns the port it had.
    static func portAfterStop() async throws -> Int {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-server-test-\(UUID().uuidString).sqlite").path
        let store = try SQLiteStore(path: path)
        let receiver = WebhookReceiver(store: store, config: SwitchboardConfig(channels: TestChannels.all),
                                       logger: LogCapture().logger)
        let running = try await receiver.start(host: "127.0.0.1", port: 0)
        // Generous: this only proves the receiver was up (a loaded machine can be slow).
        let status = try await get(running.baseURL + "/healthz", timeoutMilliseconds: 30_000)
        await running.stop()
        ReceiverFixture.removeStore(at: path)
        guard status == 200 else { throw ProbeFailure(status: status) }
        return running.port
    }

    /// GET `url`. The client keeps retrying a refused connection until `timeout` runs out, then throws.
    static func get(_ url: String, timeoutMilliseconds: Int64 = 5_000) async throws -> Int {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url),
                                                           timeout: .milliseconds(timeoutMilliseconds))
        _ = try await response.body.collect(upTo: 1 << 16)
        return Int(response.status.code)
    }

    struct ProbeFailure: Error {
        let status: Int
    }
}
