import Foundation
import Identity
import Testing
import Webhooks

struct MetaAdapterTests {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Assets/webhooks/meta").standardized
    static let receivedAt = Date(timeIntervalSince1970: 1_800_000_000)

    static func decode(_ file: String) throws -> DecodedWebhook {
        let bytes = try Data(contentsOf: assets.appendingPathComponent(file))
        switch WebhookDecoder.decode(Array(bytes), provider: nil, receivedAt: receivedAt) {
        case .success(let body):
            #expect(body.provider == .meta)
            return body.webhook
        case .failure(let rejection):
            throw rejection
        }
    }

    static func messages(_ webhook: DecodedWebhook) -> [InboundMessage] {
        webhook.events.compactMap { if case .message(let m) = $0 { m } else { nil } }
    }

    static func statuses(_ webhook: DecodedWebhook) -> [StatusUpdate] {
        webhook.events.compactMap { if case .status(let s) = $0 { s } else { nil } }
    }

    struct Sender: Sendable, CustomTestStringConvertible {
        var file: String
        var phone: String?
        var bsuid: String?
        var parent: String?
        var username: String?
        var name: String?
        var testDescription: String { file }
    }

    static let senders: [Sender] = [
        Sender(file: "01_phone_and_bsuid.json", phone: "16505551234", bsuid: "US.13491208655302741920",
               username: "@pablomorales", name: "Pablo Morales"),
        Sender(file: "02_bsuid_only_username.json", bsuid: "US.13491208655302741918",
               parent: "US.ENT.11815799212886844830", username: "@realsheenanelson", name: "Sheena Nelson 🌻"),
        Sender(file: "14_legacy_empty_strings.json", bsuid: "JP.5566778899", username: "@yuki", name: "Yuki Tanaka"),
        Sender(file: "15_bsuid_in_phone_field.json", bsuid: "MY.2035200694071263", name: "Aisyah Rahman"),
        Sender(file: "10a_legacy_phone_only.json", phone: "447700900123", name: "Oliver Bennett"),
    ]

    @Test(arguments: senders)
    func senderIdentity(_ expected: Sender) throws {
        let message = try #require(Self.messages(try Self.decode(expected.file)).first)
        #expect(message.customer.phone == expected.phone)
        #expect(message.customer.bsuid == expected.bsuid)
        #expect(message.customer.parentBSUID == expected.parent)
        #expect(message.customer.username == expected.username)
        #expect(message.customer.name == expected.name)
        #expect(message.channel == ChannelAddress(provider: .meta, number: "15550783881", id: "106540352242922"))
    }

    @Test func batchKeepsEveryMessageAndType() throws {
        let webhook = try Self.decode("05_batch_many_types.json")
        let messages = Self.messages(webhook)
        #expect(messages.map(\.content.displayText) == [
            "[image] 这个颜色有货吗？", "[reply] Track my order", "[reaction] 👍",
            "[location] 上海门店, 南京东路 1 号 31.2304,121.4737", "[sticker]",
            "Also asking sales: bulk discount for 20 jackets?",
        ])
        // Identities are joined per contact block, never across the POST.
        #expect(messages[0].customer.name == "王小明")
        #expect(messages[1].customer.name == "Amara Okafor")
        #expect(messages[5].channel.id == "106540352242923")
    }

    @Test func deliveredStatusCarriesTheRecipientIdentity() throws {
        let status = try #require(Self.statuses(try Self.decode("03_status_delivered.json")).first)
        #expect(status.status == .delivered)
        #expect(status.customer.bsuid == "US.13491208655302741918")
        #expect(status.customer.username == "@realsheenanelson")
    }

    @Test func failedStatusWithoutContactsKeepsTheError() throws {
        let status = try #require(Self.statuses(try Self.decode("04_status_failed_no_contacts.json")).first)
        #expect(status.status == .failed)
        #expect(status.customer.phone == "16505551234")
        #expect(status.error?.code == "131047")
        #expect(status.error?.title == "Re-engagement message")
    }

    @Test(arguments: [
        ("06_user_changed_number.json", IdentityChange.Kind.changedNumber, ["US.13491208655302741920", "16505551234"],
         ["US.13491208655302741999", "16505550000"]),
        ("07b_user_changed_user_id.json", .changedUserID, ["CO.10927345512"], ["CO.20938456623"]),
        ("08b_user_id_update.json", .userIDUpdate, ["DE.3349120055", "DE.ENT.8812003344", "4915123456789"],
         ["DE.4450231166", "DE.ENT.9923114455", "4915123456789"]),
    ])
    func identityChanges(file: String, kind: IdentityChange.Kind, previous: [String], current: [String]) throws {
        let events = try Self.decode(file).events
        guard case .identityChange(let change)? = events.first else {
            Issue.record("no identity change in \(file)")
            return
        }
        #expect(change.kind == kind)
        #expect(change.previous.identifiers.map(\.value) == previous)
        #expect(change.current.identifiers.map(\.value) == current)
    }

    @Test func malformedJSONIsRejectedWithItsPosition() throws {
        let bytes = try Data(contentsOf: Self.assets.appendingPathComponent("09_malformed.json"))
        guard case .failure(.malformedJSON(let detail)) = WebhookDecoder.decode(Array(bytes), provider: nil, receivedAt: Self.receivedAt) else {
            Issue.record("malformed body was accepted")
            return
        }
        #expect(detail.contains("byte"))
    }

    @Test func messageWithoutUsableIdentifierIsRejectedNotDropped() {
        let body = #"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"1"},"messages":[{"id":"wamid.X","timestamp":"1","type":"text","from":"us.123","text":{"body":"hi"}}]}}]}]}"#
        guard case .failure(.nothingUsable(let reasons)) = WebhookDecoder.decode(Array(body.utf8), provider: nil, receivedAt: Self.receivedAt) else {
            Issue.record("expected nothing usable")
            return
        }
        #expect(reasons.first?.contains("wamid.X") == true)
        #expect(reasons.first?.contains("upper-case") == true)
    }

    @Test func missingTimestampFallsBackToReceivedTime() throws {
        let body = #"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"1"},"messages":[{"id":"w","type":"video","from_user_id":"US.1","video":{}}]}}]}]}"#
        guard case .success(let decoded) = WebhookDecoder.decode(Array(body.utf8), provider: .meta, receivedAt: Self.receivedAt),
              case .message(let message)? = decoded.webhook.events.first else {
            Issue.record("not decoded")
            return
        }
        #expect(message.timestamp == Self.receivedAt)
        #expect(message.content == .media(kind: "video", caption: nil))
    }
}
