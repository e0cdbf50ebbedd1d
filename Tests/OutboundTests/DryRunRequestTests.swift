import Foundation
import Identity
import JSON
import Testing
import Webhooks
@testable import Outbound

/// One expected dry-run request: provider, contact, message, and the exact URL and body.
struct DryRunCase: Sendable, CustomTestStringConvertible {
    var provider: ProviderKind
    var contact: OutboundFixtures.Contact
    var template: Bool
    var url: String
    var body: String

    var testDescription: String { "\(provider.rawValue) \(contact.rawValue) \(template ? "template" : "text")" }
}

@Suite struct DryRunRequestTests {
    typealias F = OutboundFixtures
    static let graph = "https://graph.facebook.com/v24.0/106540352242922/messages"
    static let kapsoURL = "https://api.kapso.ai/meta/whatsapp/v24.0/597907523413541/messages"
    static let acs = "https://acme.communication.azure.com/messages/notifications:send?api-version=2024-08-30"
    static let wavy = "https://api-messaging.wavy.global/v1/whatsapp/send"
    static let connectlySession = "https://api.connectly.ai/v1/businesses/b1/send/messages"
    static let connectlyTemplate = "https://api.connectly.ai/v1/businesses/b1/send/whatsapp_templated_messages"
    static let webexURL = "https://acme.us.webexconnect.io/v1/whatsapp/messages"

    static let metaTemplate = #""template":{"components":[{"parameters":[{"text":"A-17","type":"text"}],"type":"body"}],"language":{"code":"en_US"},"name":"order_update"}"#
    static let acsTemplate = #""template":{"bindings":{"body":[{"refValue":"p1"}],"kind":"whatsApp"},"language":"en_US","name":"order_update","values":[{"kind":"text","name":"p1","text":"A-17"}]}"#

    static let cases: [DryRunCase] = [
        // Meta: phone in `to`, BSUID and parent BSUID in `recipient`, never in `to`.
        DryRunCase(provider: .meta, contact: .phoneKnown, template: false, url: graph,
                   body: #"{"messaging_product":"whatsapp","recipient_type":"individual","text":{"body":"Hi"},"to":"15551234567","type":"text"}"#),
        DryRunCase(provider: .meta, contact: .bsuidOnly, template: false, url: graph,
                   body: #"{"messaging_product":"whatsapp","recipient":"US.13491208655302741918","recipient_type":"individual","text":{"body":"Hi"},"type":"text"}"#),
        DryRunCase(provider: .meta, contact: .parentOnly, template: false, url: graph,
                   body: #"{"messaging_product":"whatsapp","recipient":"US.ENT.11815799212886844830","recipient_type":"individual","text":{"body":"Hi"},"type":"text"}"#),
        DryRunCase(provider: .meta, contact: .phoneKnown, template: true, url: graph,
                   body: #"{"messaging_product":"whatsapp","recipient_type":"individual","#+metaTemplate+#","to":"15551234567","type":"template"}"#),
        DryRunCase(provider: .meta, contact: .bsuidOnly, template: true, url: graph,
                   body: #"{"messaging_product":"whatsapp","recipient":"US.13491208655302741918","recipient_type":"individual","#+metaTemplate+#","type":"template"}"#),
        // Kapso: Meta's body; `recipient` only because the channel enables bsuid_sending.
        DryRunCase(provider: .kapso, contact: .phoneKnown, template: false, url: kapsoURL,
                   body: #"{"messaging_product":"whatsapp","recipient_type":"individual","text":{"body":"Hi"},"to":"15551234567","type":"text"}"#),
        DryRunCase(provider: .kapso, contact: .bsuidOnly, template: false, url: kapsoURL,
                   body: #"{"messaging_product":"whatsapp","recipient":"US.13491208655302741918","recipient_type":"individual","text":{"body":"Hi"},"type":"text"}"#),
        DryRunCase(provider: .kapso, contact: .parentOnly, template: true, url: kapsoURL,
                   body: #"{"messaging_product":"whatsapp","recipient":"US.ENT.11815799212886844830","recipient_type":"individual","#+metaTemplate+#","type":"template"}"#),
        // Sinch: the same `destinations[].destination` field for phones and BSUIDs.
        DryRunCase(provider: .sinch, contact: .phoneKnown, template: false, url: wavy,
                   body: #"{"destinations":[{"destination":"15551234567"}],"message":{"messageText":"Hi"}}"#),
        DryRunCase(provider: .sinch, contact: .bsuidOnly, template: false, url: wavy,
                   body: #"{"destinations":[{"destination":"US.13491208655302741918"}],"message":{"messageText":"Hi"}}"#),
        DryRunCase(provider: .sinch, contact: .parentOnly, template: false, url: wavy,
                   body: #"{"destinations":[{"destination":"US.ENT.11815799212886844830"}],"message":{"messageText":"Hi"}}"#),
        DryRunCase(provider: .sinch, contact: .bsuidOnly, template: true, url: wavy,
                   body: #"{"destinations":[{"destination":"US.13491208655302741918"}],"message":{"template":{"bodyParameters":["A-17"],"language":"en_US","templateName":"order_update"}}}"#),
        // Azure: `to` list, `+` on phones, BSUIDs as they are; channelRegistrationId = channel id.
        DryRunCase(provider: .azure, contact: .phoneKnown, template: false, url: acs,
                   body: #"{"channelRegistrationId":"11111111-1111-1111-1111-111111111111","content":"Hi","kind":"text","to":["+15551234567"]}"#),
        DryRunCase(provider: .azure, contact: .bsuidOnly, template: false, url: acs,
                   body: #"{"channelRegistrationId":"11111111-1111-1111-1111-111111111111","content":"Hi","kind":"text","to":["US.13491208655302741918"]}"#),
        DryRunCase(provider: .azure, contact: .parentOnly, template: false, url: acs,
                   body: #"{"channelRegistrationId":"11111111-1111-1111-1111-111111111111","content":"Hi","kind":"text","to":["US.ENT.11815799212886844830"]}"#),
        DryRunCase(provider: .azure, contact: .phoneKnown, template: true, url: acs,
                   body: #"{"channelRegistrationId":"11111111-1111-1111-1111-111111111111","kind":"template","#+acsTemplate+#","to":["+15551234567"]}"#),
        // Connectly: session `recipient.userId` = bare BSUID; templates `number` = "bsuid:<BSUID>".
        DryRunCase(provider: .connectly, contact: .phoneKnown, template: false, url: connectlySession,
                   body: #"{"message":{"text":"Hi"},"recipient":{"channelType":"whatsapp","id":"+15551234567","phoneNumber":"+15551234567"},"sender":{"channelType":"whatsapp","id":"+15550001111"}}"#),
        DryRunCase(provider: .connectly, contact: .bsuidOnly, template: false, url: connectlySession,
                   body: #"{"message":{"text":"Hi"},"recipient":{"channelType":"whatsapp","userId":"US.13491208655302741918"},"sender":{"channelType":"whatsapp","id":"+15550001111"}}"#),
        DryRunCase(provider: .connectly, contact: .parentOnly, template: false, url: connectlySession,
                   body: #"{"message":{"text":"Hi"},"recipient":{"channelType":"whatsapp","userId":"US.ENT.11815799212886844830"},"sender":{"channelType":"whatsapp","id":"+15550001111"}}"#),
        DryRunCase(provider: .connectly, contact: .phoneKnown, template: true, url: connectlyTemplate,
                   body: #"{"language":"en_US","number":"+15551234567","parameters":[{"name":"body_1","value":"A-17"}],"sender":"+15550001111","templateName":"order_update"}"#),
        DryRunCase(provider: .connectly, contact: .bsuidOnly, template: true, url: connectlyTemplate,
                   body: #"{"language":"en_US","number":"bsuid:US.13491208655302741918","parameters":[{"name":"body_1","value":"A-17"}],"sender":"+15550001111","templateName":"order_update"}"#),
        // Webex: `destination[].waid` holds the phone, else the BSUID.
        DryRunCase(provider: .webex, contact: .phoneKnown, template: false, url: webexURL,
                   body: #"{"appid":"a_1234","deliverychannel":"whatsapp","destination":[{"waid":"15551234567"}],"from":"4420700000","message":{"text":"Hi","type":"text"}}"#),
        DryRunCase(provider: .webex, contact: .bsuidOnly, template: false, url: webexURL,
                   body: #"{"appid":"a_1234","deliverychannel":"whatsapp","destination":[{"waid":"US.13491208655302741918"}],"from":"4420700000","message":{"text":"Hi","type":"text"}}"#),
        DryRunCase(provider: .webex, contact: .parentOnly, template: false, url: webexURL,
                   body: #"{"appid":"a_1234","deliverychannel":"whatsapp","destination":[{"waid":"US.ENT.11815799212886844830"}],"from":"4420700000","message":{"text":"Hi","type":"text"}}"#),
        DryRunCase(provider: .webex, contact: .bsuidOnly, template: true, url: webexURL,
                   body: #"{"appid":"a_1234","deliverychannel":"whatsapp","destination":[{"waid":"US.13491208655302741918"}],"from":"4420700000","message":{"language":"en_US","parameters":{"1":"A-17"},"template":"order_update","type":"template"}}"#),
    ]

    @Test(arguments: cases)
    func requestMatchesSpec(_ c: DryRunCase) throws {
        let message: OutgoingMessage = c.template ? .template(F.template) : .text("Hi")
        let preparation = try ReplyPreparer.prepare(context: c.contact.context, channel: F.channel(c.provider),
                                                    message: message, now: F.now)
        guard case .ready(let reply) = preparation else {
            Issue.record("refused: \(preparation)")
            return
        }
        #expect(reply.request.method == "POST")
        #expect(reply.request.url == c.url)
        #expect(reply.request.body.serialized() == c.body)
        // Expected bodies must be valid JSON, or the comparison above proves little.
        #expect(try JSONParser.parse(c.body) == reply.request.body)
    }

    @Test(arguments: ProviderKind.allCases)
    func usernameOnlyContactIsRefused(_ provider: ProviderKind) throws {
        let preparation = try ReplyPreparer.prepare(context: F.Contact.usernameOnly.context, channel: F.channel(provider),
                                                    message: .text("Hi"), now: F.now)
        #expect(preparation == .refused(Refusal(code: .noIdentifier, message: preparation.refusalMessage ?? "",
                                                channel: F.channel(provider).name)))
    }

    @Test(arguments: [ProviderKind.connectly, .kapso])
    func bsuidSendingIsOffByDefaultForConnectlyAndKapso(_ provider: ProviderKind) throws {
        var channel = F.channel(provider)
        channel.bsuidSending = provider.defaultBSUIDSending
        let preparation = try ReplyPreparer.prepare(context: F.Contact.bsuidOnly.context, channel: channel,
                                                    message: .text("Hi"), now: F.now)
        guard case .refused(let refusal) = preparation else {
            Issue.record("expected a refusal, got \(preparation)")
            return
        }
        #expect(refusal.code == .bsuidSendingUnsupported)
    }

    @Test(arguments: ProviderKind.allCases)
    func metaShapedBodiesNeverPutABSUIDInTo(_ provider: ProviderKind) throws {
        for contact in [F.Contact.bsuidOnly, .parentOnly] {
            guard case .ready(let reply) = try ReplyPreparer.prepare(
                context: contact.context, channel: F.channel(provider), message: .text("Hi"), now: F.now) else {
                Issue.record("\(provider) \(contact) refused")
                continue
            }
            #expect(reply.request.body["to"]?.text == nil)
            #expect(!reply.request.body.serialized().contains("\"+US."))
        }
    }

    @Test(arguments: [
        (ProviderKind.meta, "Authorization", "Bearer s3cret"), (.kapso, "X-API-Key", "s3cret"),
        (.sinch, "AuthenticationToken", "s3cret"), (.azure, "Authorization", "Bearer s3cret"),
        (.connectly, "X-API-Key", "s3cret"), (.webex, "key", "s3cret"),
    ])
    func authHeaderComesFromTokenEnv(provider: ProviderKind, header: String, value: String) throws {
        let channel = F.channel(provider)
        let token = try ProviderRequestBuilder.token(for: channel, environment: [channel.tokenEnv ?? "": "s3cret"])
        guard case .ready(let reply) = try ReplyPreparer.prepare(
            context: F.Contact.phoneKnown.context, channel: channel, message: .text("Hi"), now: F.now, token: token) else {
            Issue.record("refused")
            return
        }
        #expect(reply.request.header(header) == value)
        #expect(reply.request.header("Content-Type") == "application/json")
        // What `reply --json` prints carries no header, so no secret.
        #expect(!ReplyReport.json(reply).serialized().contains("s3cret"))
    }

    @Test func missingTokenVariableIsAnError() {
        #expect(throws: RequestError.missingToken(channel: "support", variable: "META_TOKEN")) {
            try ProviderRequestBuilder.token(for: F.meta, environment: [:])
        }
    }

    @Test func missingSendURLIsAnError() {
        var channel = F.sinch
        channel.sendURL = nil
        #expect(throws: RequestError.missingURL(channel: "latam", field: "send_url")) {
            try ReplyPreparer.prepare(context: F.Contact.phoneKnown.context, channel: channel, message: .text("Hi"), now: F.now)
        }
    }

    @Test func azureNeedsTheChannelRegistrationID() {
        var channel = F.azure
        channel.id = nil
        #expect(throws: RequestError.missingChannelID(channel: "acs")) {
            try ReplyPreparer.prepare(context: F.Contact.phoneKnown.context, channel: channel, message: .text("Hi"), now: F.now)
        }
    }
}

extension ReplyPreparation {
    var refusalMessage: String? {
        if case .refused(let refusal) = self { return refusal.message }
        return nil
    }
}
