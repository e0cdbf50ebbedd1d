@_spi(Testing) import Store
import Server
import Identity
import Foundation
import Testing

@Suite("Status codes of POST /webhooks, and what gets stored")
struct IngestResponseTests {
    @Test(arguments: ReceiverFixture.Backend.available)
    func acceptedWebhookIsCommittedBeforeTheAnswer(_ backend: ReceiverFixture.Backend) async throws {
        try await ReceiverFixture.with(backend: backend) { fixture in
            let body = Bodies.meta()
            let reply = try await fixture.postSigned(body, for: TestChannels.support, to: "/webhooks/meta")
            #expect(reply.status == 200)
            #expect(reply.body.contains(#""outcome":"ingested""#))
            #expect(try fixture.store.containsRawEvent(body: body))
            #expect(try fixture.store.conversations().count == 1)
        }
    }

    @Test(arguments: ["{\"object\": \"whatsapp_business_account\", \"entry\": [", "not json at all", "", "[1, 2, 3]",
                      "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"])
    func unusablePayloadIsQuarantinedWith400(_ text: String) async throws {
        try await ReceiverFixture.with { fixture in
            let body = Array(text.utf8)
            // Signed, so it passes authentication and reaches the store, which keeps it in the quarantine.
            let reply = try await fixture.postSigned(body, for: TestChannels.support, to: "/webhooks/support")
            #expect(reply.status == 400, "\(reply.body)")
            #expect(reply.body.contains("quarantined"))
            #expect(try fixture.store.rawEventCount() == 0)
            let quarantined = try fixture.store.quarantined()
            #expect(quarantined.count == 1)
            #expect(quarantined.first?.size == body.count)
            #expect(quarantined.first?.channel == "support")
        }
    }

    @Test func malformedBodyOnOpenChannelNeedsNoSignatureToBeQuarantined() async throws {
        try await ReceiverFixture.with { fixture in
            let reply = try await fixture.send(.POST, "/webhooks/open", body: Array("{broken".utf8))
            #expect(reply.status == 400)
            #expect(try fixture.quarantineCount == 1)
        }
    }

    /// A signed body over the limit is answered 413 and quarantined (first bytes and size: an
    /// authentic webhook is never lost); an unsigned or far larger one is 413 and nothing is stored.
    @Test(arguments: [false, true])
    func oversizeBodyIs413AndOnlyAVerifiedOneIsQuarantined(chunked: Bool) async throws {
        try await ReceiverFixture.with(maxBodyBytes: 2_048) { fixture in
            var body = Bodies.meta(id: String(repeating: "x", count: 3_000))
            let signed = Signer.sign(body, scheme: .meta, secret: TestChannels.secret(of: TestChannels.support))
            let reply = try await fixture.send(.POST, "/webhooks/meta", headers: signed.headers, body: body, chunked: chunked)
            #expect(reply.status == 413)
            #expect(reply.body.contains("quarantined"))
            #expect(try fixture.store.rawEventCount() == 0)
            let kept = try fixture.store.quarantined()
            #expect(kept.count == 1)
            #expect(kept.first?.size == body.count)

            let forged = try await fixture.send(.POST, "/webhooks/meta", headers: ["X-Hub-Signature-256": "sha256=00"],
                                                body: Bodies.meta(id: String(repeating: "y", count: 3_000)), chunked: chunked)
            #expect(forged.status == 413)
            let huge = Array(repeating: UInt8(ascii: " "), count: 9_000)
            let hugeSigned = Signer.sign(huge, scheme: .meta, secret: TestChannels.secret(of: TestChannels.support))
            #expect(try await fixture.send(.POST, "/webhooks/meta", headers: hugeSigned.headers, body: huge, chunked: chunked).status == 413)
            #expect(try fixture.quarantineCount == 1, "nothing unverified or beyond the read limit is stored")

            // The limit is on the body, inclusive: a body under it is fine on the same server.
            body = Bodies.meta()
            let small = try await fixture.postSigned(body, for: TestChannels.support, to: "/webhooks/meta")
            #expect(small.status == 200)
        }
    }

    @Test func duplicateIsAcknowledgedAndNotAppliedTwice() async throws {
        try await ReceiverFixture.with { fixture in
            let body = Bodies.meta()
            let first = try await fixture.postSigned(body, for: TestChannels.support, to: "/webhooks/meta")
            let retry = try await fixture.postSigned(body, for: TestChannels.support, to: "/webhooks/meta")
            #expect(first.status == 200)
            #expect(retry.status == 200)
            #expect(retry.body.contains(#""outcome":"duplicate""#))
            #expect(try fixture.store.rawEventCount() == 1)
            #expect(try fixture.store.conversations().first?.messageCount == 1)
        }
    }

    @Test func concurrentPostsAreAllCommittedBeforeTheirAnswers() async throws {
        try await ReceiverFixture.with { fixture in
            let bodies = (0..<120).map { _ in Bodies.meta() }
            // Every body twice, all at once: retries racing the first delivery.
            let deliveries = bodies + bodies
            let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for body in deliveries {
                    group.addTask {
                        let reply = try await fixture.postSigned(body, for: TestChannels.support, to: "/webhooks/meta")
                        // Checked right after the answer: a 200 must mean "already committed".
                        return (reply.status, try fixture.store.containsRawEvent(body: body))
                    }
                }
                var results: [(Int, Bool)] = []
                for try await result in group { results.append(result) }
                return results
            }
            #expect(results.count == deliveries.count)
            #expect(results.allSatisfy { $0.0 == 200 })
            #expect(results.allSatisfy { $0.1 })
            #expect(try fixture.store.rawEventCount() == bodies.count)
            #expect(try fixture.store.conversations().first?.messageCount == bodies.count)
        }
    }

    @Test func concurrentPostsOfEveryProviderAreAllStored() async throws {
        try await ReceiverFixture.with { fixture in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for provider in TestChannelsProviders.all {
                    for _ in 0..<10 {
                        group.addTask {
                            try await fixture.postSigned(Bodies.sample(provider), for: TestChannels.signed(provider),
                                                         to: "/webhooks/\(provider.rawValue)").status
                        }
                    }
                }
                var statuses: [Int] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(statuses == Array(repeating: 200, count: statuses.count))
            #expect(try fixture.store.rawEventCount() == TestChannelsProviders.all.count * 10)
        }
    }

    @Test func unknownRouteIs404AndStoresNothing() async throws {
        try await ReceiverFixture.with { fixture in
            let reply = try await fixture.send(.POST, "/webhooks/nowhere", body: Bodies.meta())
            let elsewhere = try await fixture.send(.POST, "/somewhere", body: Bodies.meta())
            #expect(reply.status == 404)
            #expect(elsewhere.status == 404)
            #expect(try fixture.store.rawEventCount() == 0)
            #expect(try fixture.quarantineCount == 0)
        }
    }

    @Test func healthz() async throws {
        try await ReceiverFixture.with { fixture in
            let reply = try await fixture.send(.GET, "/healthz")
            #expect(reply.status == 200)
            #expect(reply.body == #"{"ok":true}"#)
        }
    }

    @Test func oneLogLinePerRequestWithRouteProviderStatusAndTime() async throws {
        try await ReceiverFixture.with { fixture in
            _ = try await fixture.postSigned(Bodies.meta(), for: TestChannels.support, to: "/webhooks/meta")
            _ = try await fixture.send(.POST, "/webhooks/support", body: Bodies.meta())
            _ = try await fixture.send(.GET, "/nowhere")
            let requests = fixture.logs.lines.filter { $0.hasPrefix("info request ") }
            #expect(requests.count == 3)
            let first = try #require(requests.first)
            for field in ["method=POST", "route=/webhooks/meta", "provider=meta", "status=200", "outcome=ingested", "ms="] {
                #expect(first.contains(field), "\(first)")
            }
            #expect(requests.dropFirst().first?.contains("channel=support") == true)
            #expect(requests.dropFirst().first?.contains("status=401") == true)
            #expect(requests.last?.contains("status=404") == true)
        }
    }

    @Test func stoppedReceiverRefusesConnections() async throws {
        let port = try await ReceiverFixtureProbe.portAfterStop()
        var refused = false
        do {
            _ = try await ReceiverFixtureProbe.get("http://127.0.0.1:\(port)/healthz", timeoutMilliseconds: 500)
        } catch {
            refused = true
        }
        #expect(refused)
    }
}

@Suite("Stopping an in-process receiver")
struct ReceiverStopTests {
    @Test func stopDuringLoadLeavesEveryAcknowledgedWebhookCommitted() async throws {
        try await ReceiverFixture.with { fixture in
            // One webhook acknowledged before the load, however slow the machine is.
            let warmUp = Bodies.meta()
            let first = try await fixture.postSigned(warmUp, for: TestChannels.support, to: "/webhooks/meta", timeoutSeconds: 30)
            #expect(first.status == 200)
            let bodies = (0..<80).map { _ in Bodies.meta() }
            let outcomes = await withTaskGroup(of: (status: Int?, committed: Bool).self) { group in
                for body in bodies {
                    group.addTask {
                        // The client retries a refused connection until its timeout: keep that short.
                        guard let reply = try? await fixture.postSigned(body, for: TestChannels.support,
                                                                        to: "/webhooks/meta", timeoutSeconds: 2)
                        else { return (nil, false) }
                        return (reply.status, (try? fixture.store.containsRawEvent(body: body)) ?? false)
                    }
                }
                var outcomes: [(status: Int?, committed: Bool)] = []
                // Stop as soon as the first answer is in, with the others still in flight or not yet sent.
                if let next = await group.next() { outcomes.append(next) }
                await fixture.running.stop()
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            #expect(outcomes.count == bodies.count)
            for outcome in outcomes {
                // Answered 200 → committed; otherwise refused while stopping (503) or never connected.
                if outcome.status == 200 { #expect(outcome.committed) }
                #expect(outcome.status == nil || outcome.status == 200 || outcome.status == 503)
            }
            #expect(try fixture.store.containsRawEvent(body: warmUp))
            let acknowledged = outcomes.filter { $0.status == 200 }.count + 1
            let stored = try fixture.store.rawEventCount()
            #expect(stored >= acknowledged)
        }
    }
}

/// Every provider, for the concurrent mixed test.
enum TestChannelsProviders {
    static let all = [TestChannels.support, TestChannels.kapso, TestChannels.connectly, TestChannels.webex,
                      TestChannels.sinch, TestChannels.azure].map(\.provider)
}

@Suite("Bodies without a conversation, live")
struct IgnoredBodyRouteTests {
    @Test func accountUpdateIsAcknowledgedAndKept() async throws {
        try await ReceiverFixture.with { fixture in
            let body = Array(#"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":1795190000,"changes":[{"field":"account_update","value":{"event":"VERIFIED_ACCOUNT"}}]}]}"#.utf8)
            let reply = try await fixture.postSigned(body, for: TestChannels.support, to: "/webhooks/meta")
            #expect(reply.status == 200)
            #expect(reply.body.contains("ignored"))
            #expect(try fixture.store.containsRawEvent(body: body))
            #expect(try fixture.quarantineCount == 0)
        }
    }
}

@Suite("GET /metrics")
struct ReceiverMetricsTests {
    /// Requests by route and status, webhooks by outcome and the commit histogram, on both backends.
    @Test(arguments: ReceiverFixture.Backend.available)
    func metricsCountRequestsAndOutcomes(_ backend: ReceiverFixture.Backend) async throws {
        try await ReceiverFixture.with(backend: backend) { fixture in
            let body = Bodies.meta()
            #expect(try await fixture.postSigned(body, for: TestChannels.support, to: "/webhooks/meta").status == 200)
            #expect(try await fixture.postSigned(body, for: TestChannels.support, to: "/webhooks/meta").status == 200)
            #expect(try await fixture.postSigned(Array("{broken".utf8), for: TestChannels.support, to: "/webhooks/support").status == 400)
            #expect(try await fixture.send(.GET, "/healthz").status == 200)
            let metrics = try await fixture.send(.GET, "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
            let lines = Set(metrics.body.split(separator: "\n").map(String.init))
            #expect(lines.contains("switchboard_webhooks_acknowledged_total 2"), "\(metrics.body)")
            #expect(lines.contains("switchboard_webhooks_duplicate_total 1"))
            #expect(lines.contains("switchboard_webhooks_quarantined_total 1"))
            #expect(lines.contains(#"switchboard_http_requests_total{route="/webhooks/:target",status="200"} 2"#))
            #expect(lines.contains(#"switchboard_http_requests_total{route="/webhooks/:target",status="400"} 1"#))
            #expect(lines.contains(#"switchboard_http_requests_total{route="/healthz",status="200"} 1"#))
            #expect(lines.contains("switchboard_commit_seconds_count 3"))
        }
    }
}
