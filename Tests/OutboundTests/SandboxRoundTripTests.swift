import NIOHTTP1
import AsyncHTTPClient
import Foundation
import Identity
import JSON
import NIOCore
import Sandbox
import Testing
import Webhooks
@testable import Outbound

/// Collects the sandbox's status webhooks in delivery order.
final class WebhookInbox: Sendable {
    let stream: AsyncStream<StatusWebhook>
    let continuation: AsyncStream<StatusWebhook>.Continuation

    init() { (stream, continuation) = AsyncStream<StatusWebhook>.makeStream() }

    var sink: StatusWebhookSink { { [continuation] webhook in continuation.yield(webhook) } }

    func next(_ count: Int) async -> [StatusWebhook] {
        var collected: [StatusWebhook] = []
        for await webhook in stream {
            collected.append(webhook)
            if collected.count == count { break }
        }
        return collected
    }
}

/// Channels of `OutboundFixtures` with their URLs pointed at a running sandbox.
func sandboxChannel(_ provider: ProviderKind, base: String) -> Identity.Channel {
    var channel = OutboundFixtures.channel(provider)
    let key = channel.id ?? channel.number ?? channel.name
    switch provider {
    case .connectly:
        channel.sendURL = "\(base)/connectly/\(key)/send/messages"
        channel.templateURL = "\(base)/connectly/\(key)/send/whatsapp_templated_messages"
    default:
        channel.sendURL = "\(base)/\(provider.rawValue)/\(key)/messages"
    }
    return channel
}

struct RoundTripCase: Sendable, CustomTestStringConvertible {
    var provider: ProviderKind
    var contact: OutboundFixtures.Contact
    var template: Bool
    var testDescription: String { "\(provider.rawValue) \(contact.rawValue)\(template ? " template" : "")" }
}

@Suite struct SandboxRoundTripTests {
    typealias F = OutboundFixtures

    static let cases: [RoundTripCase] = ProviderKind.allCases.flatMap { provider in
        [F.Contact.phoneKnown, .bsuidOnly, .parentOnly].flatMap { contact in
            [false, true].map { RoundTripCase(provider: provider, contact: contact, template: $0) }
        }
    }

    @Test(arguments: cases)
    func sendIsAcceptedAndStatusWebhooksDecode(_ c: RoundTripCase) async throws {
        let inbox = WebhookInbox()
        let sandbox = try await SandboxServer.start(SandboxConfiguration(channels: F.channels, sink: inbox.sink))
        defer { Task { await sandbox.stop() } }
        let channel = sandboxChannel(c.provider, base: sandbox.baseURL)
        let message: OutgoingMessage = c.template ? .template(F.template) : .text("Hi")
        guard case .ready(let reply) = try ReplyPreparer.prepare(
            context: c.contact.context, channel: channel, message: message, now: F.now) else {
            Issue.record("refused")
            return
        }
        let result = await ProviderSender(sleep: { _ in }).send(reply.request, provider: c.provider)
        guard case .accepted(let messageID?, 200) = result else {
            Issue.record("not accepted: \(result)")
            return
        }
        let sends = await sandbox.ledger.sends
        #expect(sends.count == 1)
        #expect(sends.first?.recipient == reply.plan.identifier)

        let webhooks = await inbox.next(3)
        #expect(webhooks.map(\.status) == [.sent, .delivered, .read])
        let directory = ChannelDirectory(F.channels)
        for webhook in webhooks {
            let decoded = WebhookDecoder.decode(webhook.body, provider: c.provider, receivedAt: F.now)
            guard case .success(let body) = decoded, body.webhook.events.count == 1,
                  case .status(let status) = body.webhook.events[0] else {
                Issue.record("\(webhook.status) webhook did not decode to one status: \(decoded)")
                continue
            }
            #expect(body.provider == c.provider)
            #expect(status.messageID == messageID)
            #expect(status.status == webhook.status)
            #expect(directory.match(status.channel)?.name == channel.name)
            #expect(status.customer.identifiers.contains(reply.plan.identifier))
        }
    }

    struct Rejection: Sendable, CustomTestStringConvertible {
        var path: String
        var body: String
        var mentions: String
        var testDescription: String { "\(path) \(mentions)" }
    }

    static let rejections: [Rejection] = [
        Rejection(path: "meta/106540352242922/messages",
                  body: #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"US.13491208655302741918","type":"text","text":{"body":"x"}}"#,
                  mentions: "silently drop"),
        Rejection(path: "meta/106540352242922/messages",
                  body: #"{"messaging_product":"whatsapp","recipient_type":"individual","recipient":"15551234567","type":"text","text":{"body":"x"}}"#,
                  mentions: "Invalid BSUID"),
        Rejection(path: "meta/106540352242922/messages",
                  body: #"{"messaging_product":"whatsapp","recipient_type":"business_scoped_user_id","recipient":"US.1","type":"text","text":{"body":"x"}}"#,
                  mentions: "recipient_type"),
        Rejection(path: "kapso/597907523413541/messages",
                  body: #"{"messaging_product":"whatsapp","to":"US.ENT.1","type":"text","text":{"body":"x"}}"#,
                  mentions: "recipient"),
        Rejection(path: "sinch/5511999990000/messages",
                  body: #"{"destinations":[{"destination":"bsuid:US.1"}],"message":{"messageText":"x"}}"#,
                  mentions: "destination"),
        Rejection(path: "azure/11111111-1111-1111-1111-111111111111/messages",
                  body: #"{"channelRegistrationId":"11111111-1111-1111-1111-111111111111","to":["15551234567"],"kind":"text","content":"x"}"#,
                  mentions: "E.164"),
        Rejection(path: "azure/11111111-1111-1111-1111-111111111111/messages",
                  body: #"{"channelRegistrationId":"other","to":["US.1"],"kind":"text","content":"x"}"#,
                  mentions: "channelRegistrationId"),
        Rejection(path: "connectly/15550001111/send/messages",
                  body: #"{"recipient":{"channelType":"whatsapp","userId":"bsuid:US.1"},"message":{"text":"x"}}"#,
                  mentions: "bare BSUID"),
        Rejection(path: "connectly/15550001111/send/messages",
                  body: #"{"recipient":{"channelType":"whatsapp","id":"US.1"},"message":{"text":"x"}}"#,
                  mentions: "recipient.userId"),
        Rejection(path: "connectly/15550001111/send/whatsapp_templated_messages",
                  body: #"{"number":"US.1","templateName":"t","language":"en"}"#,
                  mentions: "bsuid: prefix"),
        Rejection(path: "webex/4420700000/messages",
                  body: #"{"destination":[{"waid":"@sheena"}],"message":{"type":"text","text":"x"}}"#,
                  mentions: "waid"),
    ]

    @Test(arguments: rejections)
    func wrongIdentifierFieldIsRejectedLoudly(_ r: Rejection) async throws {
        let inbox = WebhookInbox()
        let sandbox = try await SandboxServer.start(SandboxConfiguration(channels: F.channels, sink: inbox.sink))
        defer { Task { await sandbox.stop() } }
        var request = HTTPClientRequest(url: "\(sandbox.baseURL)/\(r.path)")
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: r.body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = String(buffer: try await response.body.collect(upTo: 1 << 16))
        #expect(response.status.code == 400)
        #expect(body.contains(r.mentions), "\(body)")
        #expect(await sandbox.ledger.sends.isEmpty)
    }

    @Test func repeatedIdempotencyKeyIsNotSentTwice() async throws {
        let sandbox = try await SandboxServer.start(SandboxConfiguration(channels: F.channels))
        defer { Task { await sandbox.stop() } }
        let channel = sandboxChannel(.meta, base: sandbox.baseURL)
        guard case .ready(var reply) = try ReplyPreparer.prepare(
            context: F.Contact.phoneKnown.context, channel: channel, message: .text("Hi"), now: F.now) else {
            Issue.record("refused")
            return
        }
        reply.request.headers.append(HTTPHeaderField("Idempotency-Key", "reply-1"))
        let first = await ProviderSender(sleep: { _ in }).send(reply.request, provider: .meta)
        let second = await ProviderSender(sleep: { _ in }).send(reply.request, provider: .meta)
        #expect(first.messageID != nil)
        #expect(first == second)
        #expect(await sandbox.ledger.sends.count == 1)
    }

    @Test func injectedServerErrorsAreRetriedOnce() async throws {
        let sandbox = try await SandboxServer.start(SandboxConfiguration(channels: F.channels))
        defer { Task { await sandbox.stop() } }
        await sandbox.ledger.injectFailures([503, 502])
        let channel = sandboxChannel(.sinch, base: sandbox.baseURL)
        guard case .ready(let reply) = try ReplyPreparer.prepare(
            context: F.Contact.bsuidOnly.context, channel: channel, message: .text("Hi"), now: F.now) else {
            Issue.record("refused")
            return
        }
        let result = await ProviderSender(sleep: { _ in }).send(reply.request, provider: .sinch)
        #expect(result.messageID != nil)
        #expect(await sandbox.ledger.sends.count == 1)
    }
}

/// A Sinch channel on the Conversation API (`api = "conversation"`): the request shape, the
/// sandbox's answer and its delivery reports, decoded back to the same channel by `app_id`.
@Suite struct SinchConversationRoundTripTests {
    typealias F = OutboundFixtures
    static let app = "01HSWB7Q2K9TZ4Y8V3N6M1RDCE"
    static let channel = Identity.Channel(name: "latam", provider: .sinch, id: app, portfolio: "acme",
                                          parentGroup: "acme-group", tokenEnv: "SINCH_TOKEN", api: "conversation")

    @Test(arguments: [F.Contact.phoneKnown, .bsuidOnly])
    func aReplyGoesAsAConversationAPIRequestAndItsReportsDecode(_ contact: F.Contact) async throws {
        let inbox = WebhookInbox()
        let sandbox = try await SandboxServer.start(SandboxConfiguration(channels: [Self.channel], sink: inbox.sink))
        defer { Task { await sandbox.stop() } }
        var channel = Self.channel
        channel.sendURL = "\(sandbox.baseURL)/sinch/\(Self.app)/messages"
        guard case .ready(let reply) = try ReplyPreparer.prepare(
            context: contact.context, channel: channel, message: .text("Hola"), now: F.now) else {
            Issue.record("refused")
            return
        }
        let body = reply.request.body
        #expect(body["app_id"].text == Self.app)
        #expect(body["recipient"]["identified_by"]["channel_identities"].array.first?["channel"].text == "WHATSAPP")
        #expect(body["recipient"]["identified_by"]["channel_identities"].array.first?["identity"].text == reply.plan.identifier.value)
        #expect(body["message"]["text_message"]["text"].text == "Hola")

        let result = await ProviderSender(sleep: { _ in }).send(reply.request, provider: .sinch)
        guard case .accepted(let messageID?, 200) = result else {
            Issue.record("not accepted: \(result)")
            return
        }
        let webhooks = await inbox.next(3)
        #expect(webhooks.map(\.status) == [.sent, .delivered, .read])
        for webhook in webhooks {
            guard case .success(let decoded) = WebhookDecoder.decode(webhook.body, provider: nil, receivedAt: F.now),
                  case .status(let status)? = decoded.webhook.events.first else {
                Issue.record("\(webhook.status) did not decode")
                continue
            }
            #expect(decoded.provider == .sinch)
            #expect(status.messageID == messageID)
            #expect(status.status == webhook.status)
            #expect(ChannelDirectory([Self.channel]).match(status.channel)?.name == "latam")
        }
    }
}
