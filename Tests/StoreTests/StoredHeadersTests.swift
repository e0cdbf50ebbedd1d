import Foundation
import Identity
import Testing
import Webhooks
@_spi(Testing) @testable import Store

/// Headers are stored from an allow-list, whatever path the webhook took (replayed envelope
/// or live request): never a credential, cookie, token or signature.
@Suite("Stored headers")
struct StoredHeadersTests {
    static let headers = [
        "Content-Type": "application/json", "User-Agent": "facebookexternalua", "aeg-event-type": "Notification",
        "x-hub-signature-256": "sha256=abc", "Authorization": "Bearer EAAG-secret", "cookie": "session=1",
        "x-api-key": "k-123", "x-auth-token": "t-456", "x-amz-security-token": "amz-789",
        "x-sinch-webhook-signature": "sig", "x-connectly-hmac-sha256": "mac",
    ]

    @Test func onlyAllowedHeadersAreKept() {
        let kept = StoredHeaders.filter(Self.headers)
        #expect(kept == ["content-type": "application/json", "user-agent": "facebookexternalua", "aeg-event-type": "Notification"])
    }

    @Test func theRawEventKeepsNoSecret() throws {
        let fixture = try StoreFixture()
        let body = try #require(try StoreFixture.metaSamples().first).body
        _ = try fixture.store.ingest(RawWebhook(body: body, receivedAt: StoreFixture.receivedAt, headers: Self.headers),
                                     channels: StoreFixture.channels)
        let stored = try #require(try fixture.store.rawEventHeaders(body: body))
        for secret in ["abc", "EAAG", "session", "k-123", "t-456", "amz-789", "sig", "mac"] {
            #expect(!stored.contains(secret), "\(secret) stored in \(stored)")
        }
        #expect(stored.contains("facebookexternalua"))
    }
}
