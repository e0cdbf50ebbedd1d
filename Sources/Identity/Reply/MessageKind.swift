/// What kind of message a reply is: it decides which refusals apply (SPEC §3).
public enum MessageKind: Sendable, Hashable {
    /// Free-form session text: needs an open 24 h customer service window.
    case text
    /// An approved template: allowed outside the window; authentication ones need a phone.
    case template(name: String, category: TemplateCategory)

    /// Whether this is a marketing template (refused to customers who stopped them).
    public var isMarketingTemplate: Bool {
        if case .template(_, .marketing) = self { return true }
        return false
    }

    /// Whether this is an authentication template (phone-only on every provider).
    public var isAuthenticationTemplate: Bool {
        if case .template(_, .authentication) = self { return true }
        return false
    }

    /// Whether the customer service window must be open to send it.
    public var needsOpenWindow: Bool {
        if case .text = self { return true }
        return false
    }
}
