/// What kind of message a reply is: it decides which refusals apply (SPEC §3).
public enum MessageKind: Sendable, Hashable {
    /// Free-form session text: needs an open 24 h customer service window.
    case text
    /// An approved template: allowed outside the window; authentication ones need a phone.
    case template(name: String, category: TemplateCategory)
    /// Asks a BSUID-only customer to share their phone (SPEC §3): the interactive
    /// `request_contact_info` message inside the window, else `template` (the one marked
    /// `request_contact_info`), if configured.
    case requestPhone(template: RequestPhoneTemplate?)

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

    public var isPhoneRequest: Bool {
        if case .requestPhone = self { return true }
        return false
    }

    /// Whether the customer service window must be open to send it.
    public var needsOpenWindow: Bool {
        if case .text = self { return true }
        return false
    }
}

/// The template that asks for the phone outside the service window.
public struct RequestPhoneTemplate: Sendable, Hashable {
    public var name: String
    public var category: TemplateCategory

    public init(name: String, category: TemplateCategory) {
        self.name = name
        self.category = category
    }
}
