import Foundation
import Synchronization
import Identity
import JSON
import Testing
import Webhooks
@testable import Outbound

/// A transport that answers from a script and counts the calls.
actor ScriptedTransport: ProviderTransport {
    enum Step: Sendable { case answer(Int, String), fail(TransportError) }
    private var script: [Step]
    private(set) var calls = 0

    init(_ script: [Step]) { self.script = script }

    func perform(_ request: ProviderRequest) async throws(TransportError) -> TransportResponse {
        calls += 1
        guard !script.isEmpty else { throw .failed("script exhausted") }
        switch script.removeFirst() {
        case .answer(let status, let body): return TransportResponse(status: status, body: Array(body.utf8))
        case .fail(let error): throw error
        }
    }
}

struct RetryCase: Sendable, CustomTestStringConvertible {
    var name: String
    var script: [ScriptedTransport.Step]
    var calls: Int
    var accepted: String?
    var errorCode: String?
    var httpStatus: Int?
    var testDescription: String { name }
}

@Suite struct ProviderSenderTests {
    static let ok = #"{"messaging_product":"whatsapp","messages":[{"id":"wamid.1"}]}"#
    static let metaError = #"{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"error_data":{"details":"more than 24 hours"}}}"#

    static let cases: [RetryCase] = [
        RetryCase(name: "accepted at once", script: [.answer(200, ok)], calls: 1, accepted: "wamid.1"),
        RetryCase(name: "5xx then accepted", script: [.answer(503, "{}"), .answer(500, ""), .answer(200, ok)],
                  calls: 3, accepted: "wamid.1"),
        RetryCase(name: "connect timeout then accepted", script: [.fail(.connectTimeout), .answer(200, ok)],
                  calls: 2, accepted: "wamid.1"),
        RetryCase(name: "4xx is final", script: [.answer(400, metaError), .answer(200, ok)],
                  calls: 1, errorCode: "131047", httpStatus: 400),
        RetryCase(name: "timeout after connecting is final", script: [.fail(.responseTimeout), .answer(200, ok)],
                  calls: 1, errorCode: "timeout"),
        RetryCase(name: "refused connection is final", script: [.fail(.failed("connection refused")), .answer(200, ok)],
                  calls: 1, errorCode: "transport"),
        RetryCase(name: "5xx until attempts run out",
                  script: [.answer(503, ""), .answer(503, ""), .answer(503, ""), .answer(503, ""), .answer(200, ok)],
                  calls: 4, errorCode: "http_503", httpStatus: 503),
    ]

    @Test(arguments: cases)
    func retriesOnlyWhenNoDoubleSendIsPossible(_ c: RetryCase) async {
        let transport = ScriptedTransport(c.script)
        let sender = ProviderSender(transport: transport, policy: RetryPolicy(maxAttempts: 4), sleep: { _ in })
        let request = ProviderRequest(url: "http://127.0.0.1:1/x", headers: [], body: [:])
        let result = await sender.send(request, provider: .meta)
        #expect(await transport.calls == c.calls)
        switch result {
        case .accepted(let id, _):
            #expect(id == c.accepted)
            #expect(c.errorCode == nil)
        case .failed(let error, let status):
            #expect(c.accepted == nil)
            #expect(error.code == c.errorCode)
            #expect(status == c.httpStatus)
        }
    }

    @Test func metaErrorKeepsCodeAndDetails() async {
        let sender = ProviderSender(transport: ScriptedTransport([.answer(400, Self.metaError)]), sleep: { _ in })
        let result = await sender.send(ProviderRequest(url: "http://x", headers: [], body: [:]), provider: .meta)
        #expect(result == .failed(ProviderError(code: "131047", title: "OAuthException", message: "more than 24 hours"),
                                  httpStatus: 400))
    }

    @Test func backoffDoublesUpToTheCap() {
        let policy = RetryPolicy(maxAttempts: 6, initialBackoff: .milliseconds(500), maxBackoff: .seconds(2))
        #expect((2...6).map(policy.backoff(before:)) ==
                [.milliseconds(500), .seconds(1), .seconds(2), .seconds(2), .seconds(2)])
    }

    static let answers: [(ProviderKind, String, String)] = [
        (.meta, #"{"messages":[{"id":"wamid.A"}]}"#, "wamid.A"),
        (.kapso, #"{"messages":[{"id":"wamid.B"}]}"#, "wamid.B"),
        (.sinch, #"{"id":"batch","messages":[{"id":"m-1"}]}"#, "m-1"),
        (.azure, #"{"receipts":[{"messageId":"acs-1","to":"+1555"}]}"#, "acs-1"),
        (.connectly, #"{"id":"c-1"}"#, "c-1"),
        (.webex, #"{"response":[{"code":"1001","transid":"t-1"}]}"#, "t-1"),
    ]

    @Test(arguments: answers)
    func readsEachProvidersMessageID(provider: ProviderKind, body: String, id: String) throws {
        #expect(SendResponseReader.messageID(provider: provider, body: try JSONParser.parse(body)) == id)
    }
}

@Suite("Secret redaction")
struct SecretRedactionTests {
    @Test(arguments: [
        ("Authorization: Bearer EAAGm0PX4ZCpsBAKZAbc123 was rejected", ["EAAGm0PX4ZCpsBAKZAbc123"]),
        (#"{"headers":{"authorization":"Bearer tok-9f8e7d","x-api-key":"k-123456"}}"#, ["tok-9f8e7d", "k-123456"]),
        ("access_token=abcdef123456&x=1", ["abcdef123456"]),
        ("signature sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", ["0123456789abcdef0123"]),
        ("x-amz-security-token: IQoJb3JpZ2luX2VjEJr", ["IQoJb3JpZ2luX2VjEJr"]),
    ])
    func secretsAreRedacted(text: String, secrets: [String]) {
        let redacted = SecretRedaction.redact(text)
        for secret in secrets { #expect(!redacted.contains(secret), "\(redacted)") }
        #expect(redacted.contains("***"))
    }

    @Test func ordinaryErrorsAreUntouched() {
        let text = "(#131047) Re-engagement message: more than 24 hours have passed since the customer last replied"
        #expect(SecretRedaction.redact(text) == text)
    }

    @Test func providerErrorsAreRedactedWhereTheyAreRead() throws {
        let body = try JSONParser.parse(Array(#"{"error":{"code":190,"type":"OAuthException","message":"Invalid token Bearer EAAGsecretsecretsecret123 in Authorization header"}}"#.utf8))
        let error = SendResponseReader.error(provider: .meta, status: 401, body: body)
        #expect(error.code == "190")
        #expect(!(error.message ?? "").contains("EAAGsecretsecretsecret123"))
    }
}

final class AttemptCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

/// A send that fails says so in one sentence an operator can act on.
@Suite("Send failures in words")
struct SendFailureSentenceTests {
    @Test func aRefusedConnectionFailsAtOnceInOneSentence() async throws {
        let request = ProviderRequest(url: "http://127.0.0.1:9/meta/v21.0/1/messages", headers: [], body: .object([:]))
        let attempts = AttemptCounter()
        let result = await ProviderSender(onAttempt: { _ in attempts.increment() }).send(request, provider: .meta)
        guard case .failed(let error, let status) = result else {
            Issue.record("a closed port accepted the request: \(result)")
            return
        }
        #expect(status == nil)
        #expect(error.message == "cannot connect to 127.0.0.1:9 (connection refused)", "\(error)")
        // One attempt, and no retry loop. How long it takes is not asserted: under the parallel
        // test run a resumption can wait for a free cooperative thread for many seconds.
        #expect(attempts.value == 1)
    }

    @Test func anHTTPStatusWithoutABodyIsNamedInWords() {
        let error = SendResponseReader.error(provider: .meta, status: 503, body: nil)
        #expect(error.code == "http_503")
        #expect(error.message == "the provider answered HTTP 503 (Service Unavailable)")
    }
}
