import Foundation
import Testing
@testable import Identity

/// Channels and identifiers shared by the reply planning tests.
enum ReplyFixtures {
    static let support = Channel(name: "support", provider: .meta, number: "15550783881", id: "106540352242922",
                                 portfolio: "acme", parentGroup: "acme-group")
    static let sales = Channel(name: "sales", provider: .connectly, number: "15550001111", portfolio: "acme")
    static let salesBSUID = Channel(name: "sales-bsuid", provider: .connectly, number: "15550001112",
                                    portfolio: "acme", bsuidSending: true)
    static let partner = Channel(name: "partner", provider: .sinch, number: "5511999990000",
                                 portfolio: "beta", parentGroup: "acme-group")
    static let solo = Channel(name: "solo", provider: .webex, number: "4420700000", portfolio: "gamma")

    static let phone = ScopedIdentifier(kind: .phone, value: "15551234567", scope: nil)
    static let bsuid = ScopedIdentifier(kind: .bsuid, value: "US.13491208655302741918", scope: "acme")
    static let otherBSUID = ScopedIdentifier(kind: .bsuid, value: "BR.77", scope: "beta")
    static let parent = ScopedIdentifier(kind: .parentBSUID, value: "US.ENT.11815799212886844830", scope: "acme-group")
    static let username = ScopedIdentifier(kind: .username, value: "@realsheenanelson", scope: nil)

    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    static let auth = MessageKind.template(name: "otp", category: .authentication)
    static let marketing = MessageKind.template(name: "promo", category: .marketing)
    static let askPhone = MessageKind.requestPhone(template: RequestPhoneTemplate(name: "share_phone", category: .utility))
    static let utility = MessageKind.template(name: "order_update", category: .utility)
}

/// Expected outcome of one planning case.
enum Expected: Sendable, Hashable {
    case send(IdentifierKind, String)
    case refuse(RefusalCode)
}

struct PlanCase: Sendable, CustomTestStringConvertible {
    var name: String
    var identifiers: [ScopedIdentifier]
    var channel: Channel
    var kind: MessageKind = .text
    /// Hours since the customer last wrote on `channel`; nil = never wrote.
    var hoursAgo: Double? = 1
    /// Channels where the customer stopped marketing messages.
    var marketingStopped: Set<String> = []
    var expected: Expected

    var testDescription: String { name }
}

@Suite struct ReplyPlannerTests {
    typealias F = ReplyFixtures

    static let cases: [PlanCase] = [
        // Identifier choice.
        PlanCase(name: "phone only", identifiers: [F.phone], channel: F.support, expected: .send(.phone, F.phone.value)),
        PlanCase(name: "phone wins over BSUID", identifiers: [F.bsuid, F.parent, F.phone], channel: F.support,
                 expected: .send(.phone, F.phone.value)),
        PlanCase(name: "BSUID only", identifiers: [F.bsuid, F.username], channel: F.support,
                 expected: .send(.bsuid, F.bsuid.value)),
        PlanCase(name: "BSUID wins over parent", identifiers: [F.parent, F.bsuid], channel: F.support,
                 expected: .send(.bsuid, F.bsuid.value)),
        PlanCase(name: "parent only", identifiers: [F.parent], channel: F.support,
                 expected: .send(.parentBSUID, F.parent.value)),
        PlanCase(name: "parent from a linked portfolio", identifiers: [F.bsuid, F.parent], channel: F.partner,
                 expected: .send(.parentBSUID, F.parent.value)),
        PlanCase(name: "phone on a channel without BSUID sending", identifiers: [F.phone, F.bsuid], channel: F.sales,
                 expected: .send(.phone, F.phone.value)),
        PlanCase(name: "connectly with BSUID sending enabled", identifiers: [F.bsuid], channel: F.salesBSUID,
                 expected: .send(.bsuid, F.bsuid.value)),
        PlanCase(name: "phone on a channel of another portfolio", identifiers: [F.phone, F.bsuid], channel: F.solo,
                 expected: .send(.phone, F.phone.value)),
        // Refusals, alone.
        PlanCase(name: "nothing known", identifiers: [], channel: F.support, expected: .refuse(.noIdentifier)),
        PlanCase(name: "username only", identifiers: [F.username], channel: F.support, expected: .refuse(.noIdentifier)),
        PlanCase(name: "auth template to a BSUID", identifiers: [F.bsuid], channel: F.support, kind: F.auth,
                 expected: .refuse(.authTemplateRequiresPhone)),
        PlanCase(name: "auth template to a parent BSUID", identifiers: [F.parent], channel: F.support, kind: F.auth,
                 expected: .refuse(.authTemplateRequiresPhone)),
        PlanCase(name: "BSUID of another portfolio", identifiers: [F.bsuid], channel: F.partner,
                 expected: .refuse(.outsidePortfolio)),
        PlanCase(name: "parent of another group", identifiers: [F.parent], channel: F.solo,
                 expected: .refuse(.outsidePortfolio)),
        PlanCase(name: "BSUID on connectly", identifiers: [F.bsuid], channel: F.sales,
                 expected: .refuse(.bsuidSendingUnsupported)),
        PlanCase(name: "text, never wrote", identifiers: [F.phone], channel: F.support, hoursAgo: nil,
                 expected: .refuse(.serviceWindowClosed)),
        PlanCase(name: "text, 25 h ago", identifiers: [F.phone], channel: F.support, hoursAgo: 25,
                 expected: .refuse(.serviceWindowClosed)),
        PlanCase(name: "text, 24 h 1 s ago", identifiers: [F.bsuid], channel: F.support, hoursAgo: 24 + 1.0 / 3600,
                 expected: .refuse(.serviceWindowClosed)),
        // Window edges and templates outside it.
        PlanCase(name: "text, exactly 24 h ago", identifiers: [F.phone], channel: F.support, hoursAgo: 24,
                 expected: .send(.phone, F.phone.value)),
        PlanCase(name: "text, just now", identifiers: [F.phone], channel: F.support, hoursAgo: 0,
                 expected: .send(.phone, F.phone.value)),
        PlanCase(name: "auth template to a phone, never wrote", identifiers: [F.phone], channel: F.support,
                 kind: F.auth, hoursAgo: nil, expected: .send(.phone, F.phone.value)),
        PlanCase(name: "marketing template to a BSUID, never wrote", identifiers: [F.bsuid], channel: F.support,
                 kind: F.marketing, hoursAgo: nil, expected: .send(.bsuid, F.bsuid.value)),
        PlanCase(name: "utility template to a parent, window closed", identifiers: [F.parent], channel: F.partner,
                 kind: F.utility, hoursAgo: 100, expected: .send(.parentBSUID, F.parent.value)),
        // Marketing preferences: per business number, marketing templates only.
        PlanCase(name: "marketing template to a customer who stopped", identifiers: [F.phone], channel: F.support,
                 kind: F.marketing, marketingStopped: ["support"], expected: .refuse(.marketingOptedOut)),
        PlanCase(name: "marketing stopped on another number", identifiers: [F.phone], channel: F.support,
                 kind: F.marketing, marketingStopped: ["sales"], expected: .send(.phone, F.phone.value)),
        PlanCase(name: "utility template to a customer who stopped marketing", identifiers: [F.phone], channel: F.support,
                 kind: F.utility, hoursAgo: 100, marketingStopped: ["support"], expected: .send(.phone, F.phone.value)),
        PlanCase(name: "text to a customer who stopped marketing", identifiers: [F.phone], channel: F.support,
                 marketingStopped: ["support"], expected: .send(.phone, F.phone.value)),
        PlanCase(name: "marketing opt-out beats outside portfolio", identifiers: [F.otherBSUID], channel: F.support,
                 kind: F.marketing, marketingStopped: ["support"], expected: .refuse(.marketingOptedOut)),
        PlanCase(name: "nothing known beats marketing opt-out", identifiers: [], channel: F.support,
                 kind: F.marketing, marketingStopped: ["support"], expected: .refuse(.noIdentifier)),
        // Asking for the phone (SPEC §3): the interactive inside the window, the template outside.
        PlanCase(name: "request phone from a BSUID in the window", identifiers: [F.bsuid], channel: F.support,
                 kind: F.askPhone, expected: .send(.bsuid, F.bsuid.value)),
        PlanCase(name: "request phone, window closed, template", identifiers: [F.bsuid], channel: F.support,
                 kind: F.askPhone, hoursAgo: 30, expected: .send(.bsuid, F.bsuid.value)),
        PlanCase(name: "request phone, window closed, no template", identifiers: [F.bsuid], channel: F.support,
                 kind: .requestPhone(template: nil), hoursAgo: 30, expected: .refuse(.noRequestPhoneTemplate)),
        PlanCase(name: "request phone, phone known", identifiers: [F.phone, F.bsuid], channel: F.support,
                 kind: F.askPhone, expected: .refuse(.phoneAlreadyKnown)),
        PlanCase(name: "request phone on a provider without it", identifiers: [F.bsuid], channel: F.sales,
                 kind: F.askPhone, expected: .refuse(.requestPhoneUnsupported)),
        PlanCase(name: "unsupported beats outside portfolio", identifiers: [F.otherBSUID], channel: F.sales,
                 kind: F.askPhone, expected: .refuse(.requestPhoneUnsupported)),
        PlanCase(name: "outside portfolio beats no template", identifiers: [F.otherBSUID], channel: F.support,
                 kind: .requestPhone(template: nil), hoursAgo: 30, expected: .refuse(.outsidePortfolio)),
        PlanCase(name: "nothing known beats phone request rules", identifiers: [], channel: F.sales,
                 kind: .requestPhone(template: nil), hoursAgo: nil, expected: .refuse(.noIdentifier)),
        // Precedence: no_identifier > auth > marketing > outside_portfolio > bsuid_sending_unsupported > window.
        PlanCase(name: "nothing + auth + window", identifiers: [F.username], channel: F.sales, kind: F.auth,
                 hoursAgo: nil, expected: .refuse(.noIdentifier)),
        PlanCase(name: "nothing + window", identifiers: [], channel: F.support, hoursAgo: nil,
                 expected: .refuse(.noIdentifier)),
        PlanCase(name: "auth beats outside portfolio", identifiers: [F.otherBSUID], channel: F.support, kind: F.auth,
                 expected: .refuse(.authTemplateRequiresPhone)),
        PlanCase(name: "auth beats BSUID sending", identifiers: [F.bsuid], channel: F.sales, kind: F.auth,
                 expected: .refuse(.authTemplateRequiresPhone)),
        PlanCase(name: "outside portfolio beats BSUID sending", identifiers: [F.otherBSUID], channel: F.sales,
                 expected: .refuse(.outsidePortfolio)),
        PlanCase(name: "outside portfolio beats window", identifiers: [F.otherBSUID], channel: F.support,
                 hoursAgo: nil, expected: .refuse(.outsidePortfolio)),
        PlanCase(name: "BSUID sending beats window", identifiers: [F.bsuid], channel: F.sales, hoursAgo: 30,
                 expected: .refuse(.bsuidSendingUnsupported)),
        PlanCase(name: "parent on connectly", identifiers: [F.parent], channel: Channel(
                    name: "c", provider: .connectly, portfolio: "acme", parentGroup: "acme-group"),
                 expected: .refuse(.bsuidSendingUnsupported)),
    ]

    @Test(arguments: cases)
    func plansOrRefuses(_ c: PlanCase) {
        var last: [String: Date] = [:]
        if let hours = c.hoursAgo { last[c.channel.name] = F.now.addingTimeInterval(-hours * 3600) }
        let context = ReplyContext(identifiers: c.identifiers, lastInboundAt: last, marketingStopped: c.marketingStopped)
        let decision = ReplyPlanner.plan(context: context, channel: c.channel, kind: c.kind, now: F.now)
        switch (decision, c.expected) {
        case (.plan(let plan), .send(let kind, let value)):
            #expect(plan.identifier == Identifier(kind: kind, value: value))
            #expect(plan.channel == c.channel)
            #expect(plan.kind == c.kind || c.kind.isPhoneRequest)
        case (.refusal(let refusal), .refuse(let code)):
            #expect(refusal.code == code)
            #expect(refusal.channel == c.channel.name)
        default:
            Issue.record("\(c.name): expected \(c.expected), got \(decision)")
        }
    }

    @Test(arguments: [
        (ReplyFixtures.phone, "phone known; replying by phone"),
        (ReplyFixtures.bsuid, "phone not shared; replying by BSUID"),
        (ReplyFixtures.parent, "phone not shared, no BSUID in portfolio acme; replying by parent BSUID"),
    ])
    func reasonSaysWhy(identifier: ScopedIdentifier, reason: String) {
        let context = ReplyContext(identifiers: [identifier], lastInboundAt: ["support": F.now])
        let plan = ReplyPlanner.plan(context: context, channel: F.support, kind: .text, now: F.now).plan
        #expect(plan?.reason == reason)
    }

    @Test(arguments: RefusalCode.allCases)
    func everyRefusalHasOneLineMessage(_ code: RefusalCode) throws {
        let situations: [RefusalCode: (ReplyContext, Channel, MessageKind)] = [
            .noIdentifier: (ReplyContext(identifiers: []), F.support, .text),
            .authTemplateRequiresPhone: (ReplyContext(identifiers: [F.bsuid]), F.support, F.auth),
            .marketingOptedOut: (ReplyContext(identifiers: [F.phone], marketingStopped: ["support"]), F.support, F.marketing),
            .phoneAlreadyKnown: (ReplyContext(identifiers: [F.phone], lastInboundAt: ["support": F.now]), F.support, F.askPhone),
            .requestPhoneUnsupported: (ReplyContext(identifiers: [F.bsuid], lastInboundAt: ["sales": F.now]), F.sales, F.askPhone),
            .noRequestPhoneTemplate: (ReplyContext(identifiers: [F.bsuid]), F.support, .requestPhone(template: nil)),
            .outsidePortfolio: (ReplyContext(identifiers: [F.otherBSUID]), F.support, F.utility),
            .bsuidSendingUnsupported: (ReplyContext(identifiers: [F.bsuid]), F.sales, F.utility),
            .serviceWindowClosed: (ReplyContext(identifiers: [F.phone]), F.support, .text),
        ]
        let (context, channel, kind) = try #require(situations[code])
        let refusal = try #require(ReplyPlanner.plan(context: context, channel: channel, kind: kind, now: F.now).refusal)
        #expect(refusal.code == code)
        #expect(!refusal.message.isEmpty)
        #expect(!refusal.message.contains("\n"))
    }

    @Test func refusalMessagesNameTheSituation() throws {
        let outside = try #require(ReplyPlanner.plan(
            context: ReplyContext(identifiers: [F.otherBSUID]), channel: F.support, kind: F.utility, now: F.now).refusal)
        #expect(outside.message.contains("beta") && outside.message.contains("acme"))
        let stale = ReplyContext(identifiers: [F.phone], lastInboundAt: ["support": F.now.addingTimeInterval(-30 * 3600)])
        let window = try #require(ReplyPlanner.plan(context: stale, channel: F.support, kind: .text, now: F.now).refusal)
        #expect(window.message.contains("30 h ago"))
        let never = try #require(ReplyPlanner.plan(
            context: ReplyContext(identifiers: [F.phone]), channel: F.support, kind: .text, now: F.now).refusal)
        #expect(never.message.contains("never written"))
    }

    @Test func windowIsPerBusinessNumber() {
        // The customer wrote to `partner` an hour ago but never to `support`.
        let context = ReplyContext(identifiers: [F.phone], lastInboundAt: ["partner": F.now.addingTimeInterval(-3600)])
        #expect(ReplyPlanner.plan(context: context, channel: F.partner, kind: .text, now: F.now).plan != nil)
        #expect(ReplyPlanner.plan(context: context, channel: F.support, kind: .text, now: F.now).refusal?.code
                == .serviceWindowClosed)
    }

    @Test func plansForEveryChannelInOrder() {
        let context = ReplyContext(identifiers: [F.bsuid], lastInboundAt: ["support": F.now, "sales": F.now, "partner": F.now])
        let decisions = ReplyPlanner.plans(context: context, channels: [F.support, F.sales, F.partner], kind: .text, now: F.now)
        #expect(decisions.map(\.channelName) == ["support", "sales", "partner"])
        #expect(decisions[0].plan?.identifier.kind == .bsuid)
        #expect(decisions[1].refusal?.code == .bsuidSendingUnsupported)
        #expect(decisions[2].refusal?.code == .outsidePortfolio)
    }

    @Test func aPhoneRequestOutsideTheWindowGoesAsItsTemplate() throws {
        let context = ReplyContext(identifiers: [F.bsuid], lastInboundAt: ["support": F.now.addingTimeInterval(-30 * 3600)])
        let plan = try #require(ReplyPlanner.plan(context: context, channel: F.support, kind: F.askPhone, now: F.now).plan)
        #expect(plan.kind == .template(name: "share_phone", category: .utility))
        let inside = ReplyContext(identifiers: [F.bsuid], lastInboundAt: ["support": F.now])
        #expect(ReplyPlanner.plan(context: inside, channel: F.support, kind: F.askPhone, now: F.now).plan?.kind == F.askPhone)
    }

    @Test func refusalCodesAreOrderedByPrecedence() {
        #expect(RefusalCode.allCases.map(\.rawValue) == [
            "no_identifier", "auth_template_requires_phone", "marketing_opted_out", "phone_already_known",
            "request_phone_unsupported", "outside_portfolio", "bsuid_sending_unsupported", "service_window_closed",
            "no_request_phone_template",
        ])
        #expect(RefusalCode.noIdentifier < RefusalCode.serviceWindowClosed)
    }
}
