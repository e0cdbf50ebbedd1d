@_spi(Testing) import Store
import Identity
import Testing

/// How a request is signed in the table below.
enum SignatureVariant: String, CaseIterable, Sendable {
    /// Signed with the channel's secret, in its provider's scheme.
    case good
    /// Well-formed, but signed with another secret.
    case wrongSecret
    /// Not in the scheme's encoding at all.
    case garbled
    /// No signature.
    case missing
}

/// Which path a webhook is posted to.
enum RouteKind: String, CaseIterable, Sendable {
    case provider, channel
}

struct SignatureCase: Sendable, CustomTestStringConvertible {
    let provider: ProviderKind
    let route: RouteKind
    let variant: SignatureVariant

    var expectedStatus: Int { variant == .good ? 200 : 401 }
    var testDescription: String { "\(provider.rawValue) /webhooks/<\(route.rawValue)> \(variant.rawValue) → \(expectedStatus)" }

    static let all: [SignatureCase] = ProviderKind.allCases.flatMap { provider in
        RouteKind.allCases.flatMap { route in
            SignatureVariant.allCases.map { SignatureCase(provider: provider, route: route, variant: $0) }
        }
    }
}

@Suite("Signatures per provider, over real HTTP")
struct SignatureRouteTests {
    @Test(arguments: SignatureCase.all)
    func signatureDecidesAcceptance(_ test: SignatureCase) async throws {
        try await ReceiverFixture.with { fixture in
            let channel = TestChannels.signed(test.provider)
            let body = Bodies.sample(test.provider)
            let path = "/webhooks/" + (test.route == .provider ? test.provider.rawValue : channel.name)
            var signed = Signer.sign(body, scheme: test.provider, secret: TestChannels.secret(of: channel))
            switch test.variant {
            case .good:
                break
            case .wrongSecret:
                signed = Signer.sign(body, scheme: test.provider, secret: "not-the-secret")
            case .garbled:
                signed.headers = signed.headers.mapValues { _ in "sha256=zz!not-a-signature" }
                if !signed.query.isEmpty { signed.query = "?secret=" }
            case .missing:
                signed = ([:], "")
            }
            let reply = try await fixture.send(.POST, path + signed.query, headers: signed.headers, body: body)

            #expect(reply.status == test.expectedStatus, "\(reply.body)")
            // A refused request stores nothing, not even in the quarantine.
            #expect(try fixture.store.rawEventCount() == (test.variant == .good ? 1 : 0))
            #expect(try fixture.quarantineCount == 0)
        }
    }

    @Test func channelWithoutSecretIsRefusedUnlessItAllowsUnsigned() async throws {
        try await ReceiverFixture.with { fixture in
            // The attack of the hardening issue: an unsigned number change on a channel with no secret.
            let change = Bodies.meta(phoneNumberID: TestChannels.unsigned.id ?? "")
            let viaProvider = try await fixture.send(.POST, "/webhooks/meta", body: change)
            let viaChannel = try await fixture.send(.POST, "/webhooks/unsigned", body: change)
            #expect(viaProvider.status == 401)
            #expect(viaChannel.status == 401)
            #expect(viaChannel.body.contains("allow_unsigned"))
            #expect(try fixture.store.rawEventCount() == 0)
            #expect(fixture.logs.lines.contains { $0.hasPrefix("warning") && $0.contains("channel unsigned: no webhook_secret_env") })
            #expect(fixture.logs.lines.contains { $0.hasPrefix("warning") && $0.contains("channel open: allow_unsigned = true") })
        }
    }

    @Test func channelThatAllowsUnsignedAcceptsUnsignedWebhooks() async throws {
        try await ReceiverFixture.with { fixture in
            let body = Bodies.meta(phoneNumberID: TestChannels.open.id ?? "")
            let viaProvider = try await fixture.send(.POST, "/webhooks/meta", body: body)
            let viaChannel = try await fixture.send(.POST, "/webhooks/open", body: Bodies.meta(phoneNumberID: TestChannels.open.id ?? ""))
            #expect(viaProvider.status == 200)
            #expect(viaChannel.status == 200)
            #expect(try fixture.store.rawEventCount() == 2)
        }
    }

    @Test func providerRouteUsesTheSecretOfTheAddressedChannel() async throws {
        try await ReceiverFixture.with { fixture in
            // Addressed to `sales` but signed with `support`'s secret: both are Meta channels.
            let body = Bodies.meta(phoneNumberID: TestChannels.sales.id ?? "")
            let wrong = try await fixture.postSigned(body, for: TestChannels.support, to: "/webhooks/meta")
            #expect(wrong.status == 401)
            let right = try await fixture.postSigned(body, for: TestChannels.sales, to: "/webhooks/meta")
            #expect(right.status == 200)
            #expect(try fixture.store.rawEventCount() == 1)
        }
    }

    @Test func channelRouteUsesThatChannelsSecret() async throws {
        try await ReceiverFixture.with { fixture in
            // The body names `support`, but on /webhooks/sales the route's channel decides.
            let body = Bodies.meta(phoneNumberID: TestChannels.support.id ?? "")
            let supportSigned = try await fixture.postSigned(body, for: TestChannels.support, to: "/webhooks/sales")
            #expect(supportSigned.status == 401)
            let salesSigned = try await fixture.postSigned(body, for: TestChannels.sales, to: "/webhooks/sales")
            #expect(salesSigned.status == 200)
        }
    }

    @Test func forwardedMetaPayloadOnKapsoRouteNeedsKapsoSignature() async throws {
        try await ReceiverFixture.with { fixture in
            // Kapso forwards raw Meta payloads; the number is a Kapso channel, so Kapso's scheme applies.
            let body = Bodies.meta(phoneNumberID: "kapso-pnid-1")
            let metaSigned = try await fixture.send(
                .POST, "/webhooks/kapso",
                headers: Signer.sign(body, scheme: .meta, secret: TestChannels.secret(of: TestChannels.kapso)).headers,
                body: body)
            #expect(metaSigned.status == 401)
            let kapsoSigned = try await fixture.postSigned(body, for: TestChannels.kapso, to: "/webhooks/kapso")
            #expect(kapsoSigned.status == 200, "\(kapsoSigned.body)")
        }
    }

    @Test func channelWhoseSecretVariableIsUnsetRefusesEverything() async throws {
        try await ReceiverFixture.with { fixture in
            let body = Bodies.meta(phoneNumberID: TestChannels.locked.id ?? "")
            let unsigned = try await fixture.send(.POST, "/webhooks/locked", body: body)
            let signedWithEmpty = try await fixture.send(
                .POST, "/webhooks/meta", headers: Signer.sign(body, scheme: .meta, secret: "").headers, body: body)
            #expect(unsigned.status == 401)
            #expect(signedWithEmpty.status == 401)
            #expect(try fixture.store.rawEventCount() == 0)
        }
    }

    @Test func unsignedBodyAddressingNoChannelIsRefusedWhenTheProviderHasSecrets() async throws {
        try await ReceiverFixture.with { fixture in
            // Otherwise anyone could fill the quarantine with junk.
            let unknown = Bodies.meta(phoneNumberID: "999999999")
            let reply = try await fixture.send(.POST, "/webhooks/meta", body: unknown)
            #expect(reply.status == 401)
            #expect(try fixture.quarantineCount == 0)
            // Signed by a Meta channel's secret, it is kept in the quarantine (unknown channel) and answered 400.
            let signed = try await fixture.postSigned(unknown, for: TestChannels.support, to: "/webhooks/meta")
            #expect(signed.status == 400)
            #expect(try fixture.quarantineCount == 1)
        }
    }

    @Test func credentialsAreNeitherLoggedNorStored() async throws {
        try await ReceiverFixture.with { fixture in
            let body = Bodies.meta()
            let signed = Signer.sign(body, scheme: .meta, secret: TestChannels.secret(of: TestChannels.support))
            let reply = try await fixture.send(.POST, "/webhooks/meta", headers: signed.headers.merging(["X-Request-Id": "t-1"]) { $1 },
                                               body: body)
            #expect(reply.status == 200)
            _ = try await fixture.send(.POST, "/webhooks/meta", headers: ["X-Hub-Signature-256": "sha256=00ff"], body: body)
            let verify = TestSecrets.value("SUPPORT_VERIFY")
            _ = try await fixture.send(.GET, "/webhooks/meta?hub.mode=subscribe&hub.verify_token=\(verify)&hub.challenge=1")

            let signature = signed.headers["X-Hub-Signature-256"] ?? "?"
            let secrets = [TestChannels.secret(of: TestChannels.support), verify, signature, "00ff"]
            let lines = fixture.logs.lines
            #expect(lines.count >= 3)
            for line in lines {
                for secret in secrets { #expect(!line.contains(secret), "log line leaks a credential: \(line)") }
            }
            let stored = try #require(try fixture.store.rawEventHeaders(body: body))
            #expect(stored.contains("t-1"))
            #expect(!stored.contains(signature.dropFirst(7)))
            #expect(!stored.lowercased().contains("x-hub-signature-256"))
        }
    }
}
