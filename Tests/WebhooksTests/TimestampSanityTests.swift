import Foundation
import Identity
import Testing
import Webhooks

/// Impossible provider times never reach the store (issue: one `"timestamp": "1e27"` made the
/// inbox trap at every start).
@Suite("Impossible timestamps")
struct TimestampSanityTests {
    static let receivedAt = Date(timeIntervalSince1970: 1_795_200_000)

    static func body(timestamp: String) -> [UInt8] {
        Array("""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
            "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
            "contacts":[{"profile":{"name":"Ana"},"user_id":"US.13491208655302741918"}],
            "messages":[{"from_user_id":"US.13491208655302741918","id":"wamid.T1","timestamp":\(timestamp),"type":"text","text":{"body":"hi"}}]}}]}]}
            """.utf8)
    }

    @Test(arguments: [
        // (timestamp as written, kept?)
        ("\"1795199000\"", true), ("1795199000", true), ("\"1795199000000\"", true), ("\"2026-11-20T10:00:00Z\"", true),
        ("\"1e27\"", false), ("1e300", false), ("\"1230000000\"", false), ("\"1795300000\"", false), ("\"-5\"", false),
        ("\"9223372036854775807\"", false), ("\"1795199999\"", true),
    ])
    func impossibleTimesTakeTheReceiveTimeAndAreFlagged(timestamp: String, kept: Bool) throws {
        guard case .success(let decoded) = WebhookDecoder.decode(Self.body(timestamp: timestamp), provider: nil, receivedAt: Self.receivedAt),
              case .message(let message)? = decoded.webhook.events.first else {
            Issue.record("not decoded")
            return
        }
        #expect(TimestampSanity.isSane(message.timestamp, receivedAt: Self.receivedAt))
        #expect((message.timestamp == Self.receivedAt) == !kept)
        #expect(decoded.webhook.rejected.contains { $0.contains("impossible timestamp") } == !kept)
    }
}
