@_spi(Testing) import Store
import Identity
import Testing

@Suite("Subscription handshakes")
struct HandshakeTests {
    struct VerificationCase: Sendable, CustomTestStringConvertible {
        let path: String
        let query: String
        let status: Int
        let testDescription: String
    }

    static var verificationCases: [VerificationCase] {
        let token = TestSecrets.value("SUPPORT_VERIFY")
        return [
            VerificationCase(path: "/webhooks/meta", query: "hub.mode=subscribe&hub.verify_token=\(token)&hub.challenge=1158201444",
                             status: 200, testDescription: "provider route, right token"),
            VerificationCase(path: "/webhooks/support", query: "hub.mode=subscribe&hub.verify_token=\(token)&hub.challenge=1158201444",
                             status: 200, testDescription: "channel route, right token"),
            VerificationCase(path: "/webhooks/meta", query: "hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444",
                             status: 403, testDescription: "wrong token"),
            VerificationCase(path: "/webhooks/meta", query: "hub.mode=subscribe&hub.challenge=1158201444",
                             status: 403, testDescription: "no token"),
            // `sales` has no verify token configured: nothing can match.
            VerificationCase(path: "/webhooks/sales", query: "hub.mode=subscribe&hub.verify_token=\(token)&hub.challenge=1158201444",
                             status: 403, testDescription: "channel without verify token"),
            VerificationCase(path: "/webhooks/meta", query: "hub.mode=unsubscribe&hub.verify_token=\(token)&hub.challenge=1158201444",
                             status: 400, testDescription: "wrong mode"),
            VerificationCase(path: "/webhooks/meta", query: "hub.mode=subscribe&hub.verify_token=\(token)",
                             status: 400, testDescription: "no challenge"),
            VerificationCase(path: "/webhooks/nowhere", query: "hub.mode=subscribe&hub.verify_token=\(token)&hub.challenge=1",
                             status: 404, testDescription: "unknown route"),
        ]
    }

    @Test(arguments: verificationCases)
    func metaGetVerification(_ test: VerificationCase) async throws {
        try await ReceiverFixture.with { fixture in
            let reply = try await fixture.send(.GET, test.path + "?" + test.query)
            #expect(reply.status == test.status, "\(reply.body)")
            if test.status == 200 {
                #expect(reply.body == "1158201444")
                #expect(reply.headers["content-type"]?.hasPrefix("text/plain") == true)
            }
        }
    }

    @Test(arguments: [true, false])
    func eventGridSubscriptionValidationIsAnsweredAndNotStored(withEventTypeHeader: Bool) async throws {
        try await ReceiverFixture.with { fixture in
            let code = "512d38b6-c7b8-40c8-89fe-f46f9e9622b6"
            let body = Bodies.eventGridValidation(code: code)
            let signed = Signer.sign(body, scheme: .azure, secret: TestChannels.secret(of: TestChannels.azure))
            // The body decides, the `aeg-event-type` header is optional (SPEC §6).
            let headers = withEventTypeHeader ? ["aeg-event-type": "SubscriptionValidation"] : [:]
            for path in ["/webhooks/azure", "/webhooks/azure-line"] {
                let reply = try await fixture.send(.POST, path + signed.query, headers: headers, body: body)
                #expect(reply.status == 200)
                #expect(reply.body == #"{"validationResponse":"\#(code)"}"#)
                #expect(reply.headers["content-type"] == "application/json")
            }
            #expect(try fixture.store.rawEventCount() == 0)
            #expect(try fixture.quarantineCount == 0)
        }
    }

    @Test func eventGridValidationWithoutTheAzureSecretIsRefused() async throws {
        try await ReceiverFixture.with { fixture in
            let reply = try await fixture.send(.POST, "/webhooks/azure", body: Bodies.eventGridValidation(code: "abc"))
            #expect(reply.status == 401)
            #expect(!reply.body.contains("abc"))
        }
    }

    @Test func cloudEventsOptionsHandshakeEchoesTheOrigin() async throws {
        try await ReceiverFixture.with { fixture in
            let reply = try await fixture.send(.OPTIONS, "/webhooks/azure",
                                               headers: ["WebHook-Request-Origin": "eventemitter.example.com"])
            #expect(reply.status == 200)
            #expect(reply.headers["webhook-allowed-origin"] == "eventemitter.example.com")
            #expect(reply.headers["allow"]?.contains("POST") == true)

            let withoutOrigin = try await fixture.send(.OPTIONS, "/webhooks/azure-line")
            #expect(withoutOrigin.status == 400)
            #expect(withoutOrigin.headers["webhook-allowed-origin"] == nil)

            let unknown = try await fixture.send(.OPTIONS, "/webhooks/nowhere", headers: ["WebHook-Request-Origin": "x"])
            #expect(unknown.status == 404)
        }
    }

    @Test func headAnswersForKnownRoutesOnly() async throws {
        try await ReceiverFixture.with { fixture in
            let provider = try await fixture.send(.HEAD, "/webhooks/webex")
            let channel = try await fixture.send(.HEAD, "/webhooks/webex-line")
            let unknown = try await fixture.send(.HEAD, "/webhooks/nowhere")
            #expect(provider.status == 200)
            #expect(channel.status == 200)
            #expect(unknown.status == 404)
        }
    }
}
