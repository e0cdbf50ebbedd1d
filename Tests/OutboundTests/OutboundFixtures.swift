import Foundation
import Identity
@testable import Outbound

/// One channel per provider, the four kinds of contact, and a fixed clock.
enum OutboundFixtures {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    static let phone = "15551234567"
    static let bsuid = "US.13491208655302741918"
    static let parent = "US.ENT.11815799212886844830"

    static let meta = Channel(name: "support", provider: .meta, number: "15550783881", id: "106540352242922",
                              portfolio: "acme", parentGroup: "acme-group", tokenEnv: "META_TOKEN")
    static let sinch = Channel(name: "latam", provider: .sinch, number: "5511999990000", portfolio: "acme",
                               parentGroup: "acme-group", sendURL: "https://api-messaging.wavy.global/v1/whatsapp/send",
                               tokenEnv: "SINCH_TOKEN")
    static let azure = Channel(name: "acs", provider: .azure, id: "11111111-1111-1111-1111-111111111111",
                               portfolio: "acme", parentGroup: "acme-group",
                               sendURL: "https://acme.communication.azure.com/messages/notifications:send?api-version=2024-08-30",
                               tokenEnv: "ACS_TOKEN")
    static let connectly = Channel(name: "shop", provider: .connectly, number: "15550001111", portfolio: "acme",
                                   parentGroup: "acme-group",
                                   sendURL: "https://api.connectly.ai/v1/businesses/b1/send/messages",
                                   templateURL: "https://api.connectly.ai/v1/businesses/b1/send/whatsapp_templated_messages",
                                   tokenEnv: "CONNECTLY_KEY", bsuidSending: true)
    static let kapso = Channel(name: "kapso", provider: .kapso, id: "597907523413541", portfolio: "acme",
                               parentGroup: "acme-group", tokenEnv: "KAPSO_KEY", bsuidSending: true)
    static let webex = Channel(name: "webex", provider: .webex, number: "4420700000", id: "a_1234", portfolio: "acme",
                               parentGroup: "acme-group", sendURL: "https://acme.us.webexconnect.io/v1/whatsapp/messages",
                               tokenEnv: "WEBEX_KEY")
    static let channels = [meta, sinch, azure, connectly, kapso, webex]

    static func channel(_ provider: ProviderKind) -> Channel {
        channels.first { $0.provider == provider } ?? meta
    }

    /// Contacts as the store describes them, customer wrote an hour ago on every channel.
    enum Contact: String, Sendable, CaseIterable {
        case phoneKnown, bsuidOnly, parentOnly, usernameOnly

        var identifiers: [ScopedIdentifier] {
            switch self {
            case .phoneKnown: [ScopedIdentifier(kind: .phone, value: phone, scope: nil),
                               ScopedIdentifier(kind: .bsuid, value: bsuid, scope: "acme")]
            case .bsuidOnly: [ScopedIdentifier(kind: .bsuid, value: bsuid, scope: "acme"),
                              ScopedIdentifier(kind: .username, value: "@sheena", scope: nil)]
            case .parentOnly: [ScopedIdentifier(kind: .parentBSUID, value: parent, scope: "acme-group")]
            case .usernameOnly: [ScopedIdentifier(kind: .username, value: "@sheena", scope: nil)]
            }
        }

        var context: ReplyContext {
            ReplyContext(identifiers: identifiers,
                         lastInboundAt: Dictionary(uniqueKeysWithValues: channels.map { ($0.name, now.addingTimeInterval(-3600)) }))
        }
    }

    static let template = TemplateMessage(name: "order_update", category: .utility, language: "en_US", parameters: ["A-17"])
}
