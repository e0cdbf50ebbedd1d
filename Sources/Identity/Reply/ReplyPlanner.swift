public import struct Foundation.Date
public import typealias Foundation.TimeInterval

/// Chooses the identifier a reply goes to, or refuses (SPEC §3). Pure: time is passed in.
///
/// Identifier order: phone (global, keeps phones flowing in webhooks) → BSUID of the
/// channel's portfolio → parent BSUID of the channel's portfolio group. BSUIDs are only used
/// when the channel can send to them.
public enum ReplyPlanner {
    /// Length of WhatsApp's customer service window for free-form messages.
    public static let serviceWindow: TimeInterval = 24 * 60 * 60

    /// Plans a reply of `kind` to the contact described by `context` on `channel` at `now`.
    public static func plan(context: ReplyContext, channel: Channel, kind: MessageKind, now: Date) -> ReplyDecision {
        if let refusal = refusals(context: context, channel: channel, kind: kind, now: now).min(by: { $0.code < $1.code }) {
            return .refusal(refusal)
        }
        // A phone request outside the window goes as its template.
        var kind = kind
        if case .requestPhone(let template?) = kind, !isWindowOpen(context: context, channel: channel, now: now) {
            kind = .template(name: template.name, category: template.category)
        }
        if let phone = context.phone {
            return .plan(ReplyPlan(channel: channel, identifier: phone, kind: kind,
                                   reason: "phone known; replying by phone"))
        }
        if let bsuid = context.bsuid(for: channel) {
            return .plan(ReplyPlan(channel: channel, identifier: bsuid, kind: kind,
                                   reason: "phone not shared; replying by BSUID"))
        }
        if let parent = context.parentBSUID(for: channel) {
            return .plan(ReplyPlan(
                channel: channel, identifier: parent, kind: kind,
                reason: "phone not shared, no BSUID in portfolio \(channel.portfolio); replying by parent BSUID"))
        }
        // Unreachable: without a usable identifier one of the refusals above applies.
        return .refusal(Refusal(code: .noIdentifier, message: Messages.noIdentifier, channel: channel.name))
    }

    /// Plans the same reply on every channel, in the order given (for `show` and the TUI).
    public static func plans(context: ReplyContext, channels: [Channel], kind: MessageKind, now: Date) -> [ReplyDecision] {
        channels.map { plan(context: context, channel: $0, kind: kind, now: now) }
    }

    /// Whether the customer's last message on `channel` is recent enough for free-form text.
    public static func isWindowOpen(context: ReplyContext, channel: Channel, now: Date) -> Bool {
        guard let last = context.lastInboundAt[channel.name] else { return false }
        return now.timeIntervalSince(last) <= serviceWindow
    }

    /// Every refusal that applies; the caller picks the first by precedence.
    static func refusals(context: ReplyContext, channel: Channel, kind: MessageKind, now: Date) -> [Refusal] {
        func refusal(_ code: RefusalCode, _ message: String) -> Refusal {
            Refusal(code: code, message: message, channel: channel.name)
        }
        var found: [Refusal] = []
        let hasPhone = context.phone != nil
        let usableBSUID = context.bsuid(for: channel) ?? context.parentBSUID(for: channel)
        if !context.hasRoutingIdentifier {
            found.append(refusal(.noIdentifier, Messages.noIdentifier))
        }
        if kind.isAuthenticationTemplate, !hasPhone {
            found.append(refusal(.authTemplateRequiresPhone, Messages.authTemplate))
        }
        if kind.isMarketingTemplate, context.marketingStopped.contains(channel.name) {
            found.append(refusal(.marketingOptedOut, Messages.marketingOptedOut(channel: channel)))
        }
        if case .requestPhone(let template) = kind {
            if hasPhone { found.append(refusal(.phoneAlreadyKnown, Messages.phoneAlreadyKnown)) }
            if channel.provider != .meta { found.append(refusal(.requestPhoneUnsupported, Messages.requestPhoneUnsupported(channel: channel))) }
            if template == nil, !isWindowOpen(context: context, channel: channel, now: now) {
                found.append(refusal(.noRequestPhoneTemplate, Messages.noRequestPhoneTemplate(channel: channel)))
            }
        }
        if context.hasRoutingIdentifier, !hasPhone, usableBSUID == nil {
            found.append(refusal(.outsidePortfolio, Messages.outsidePortfolio(context: context, channel: channel)))
        }
        if !hasPhone, usableBSUID != nil, !channel.bsuidSending {
            found.append(refusal(.bsuidSendingUnsupported, Messages.bsuidSending(channel: channel)))
        }
        if kind.needsOpenWindow, !isWindowOpen(context: context, channel: channel, now: now) {
            found.append(refusal(.serviceWindowClosed,
                                 Messages.windowClosed(last: context.lastInboundAt[channel.name], channel: channel, now: now)))
        }
        return found
    }
}

/// One-line refusal messages.
private enum Messages {
    static let noIdentifier = "no phone number, BSUID or parent BSUID is known for this contact"

    static let authTemplate =
        "authentication templates can only be sent to a phone number, and this contact's phone is not shared"

    static let phoneAlreadyKnown = "the customer's phone is already known: reply to it instead"

    static func requestPhoneUnsupported(channel: Channel) -> String {
        "\(channel.provider.rawValue) has no \"request contact info\" message (only Meta's Cloud API does)"
    }

    static func noRequestPhoneTemplate(channel: Channel) -> String {
        "the service window on \(channel.name) is closed and no template is marked request_contact_info = true"
    }

    static func marketingOptedOut(channel: Channel) -> String {
        "the customer stopped marketing messages from \(channel.name) (until they resume); utility templates and replies still go"
    }

    static func outsidePortfolio(context: ReplyContext, channel: Channel) -> String {
        let scopes = context.knownScopes
        let known = scopes.isEmpty ? "only BSUIDs of unknown portfolios are known"
            : "the contact's BSUIDs belong to \(scopes.joined(separator: ", "))"
        return "\(known), not portfolio \(channel.portfolio), and no parent BSUID of group \(channel.parentScope) is known"
    }

    static func bsuidSending(channel: Channel) -> String {
        "channel \(channel.name) (\(channel.provider.rawValue)) cannot send to BSUIDs, and no phone number is known"
    }

    static func windowClosed(last: Date?, channel: Channel, now: Date) -> String {
        guard let last else {
            return "the customer has never written to \(channel.name); free-form text needs a message within 24 h — send a template"
        }
        // Total for any stored time: an absurd one must not trap the conversion.
        let elapsed = now.timeIntervalSince(last) / 3600
        let hours = elapsed.isFinite ? Int(min(max(elapsed, 0), 1e9)) : 0
        let age = hours >= 48 ? "\(hours / 24) days" : "\(hours) h"
        return "the customer last wrote to \(channel.name) \(age) ago; free-form text needs a message within 24 h — send a template"
    }
}
