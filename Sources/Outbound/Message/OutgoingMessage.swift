public import Identity

/// The content of a reply: session text or an approved template.
public enum OutgoingMessage: Sendable, Hashable {
    case text(String)
    case template(TemplateMessage)
    /// Asks for the customer's phone (Meta `request_contact_info`): `text` is the ask; outside
    /// the window `template` goes instead.
    case requestPhone(text: String, template: TemplateMessage?)

    /// The polite one-line ask when the operator writes none.
    public static let defaultPhoneRequest = "Could you share your phone number with us? It helps us reach you if this chat is interrupted."

    /// The kind the planner decides on (window and phone rules).
    public var kind: MessageKind {
        switch self {
        case .text: .text
        case .template(let template): .template(name: template.name, category: template.category)
        case .requestPhone(_, let template):
            .requestPhone(template: template.map { RequestPhoneTemplate(name: $0.name, category: $0.category) })
        }
    }

    /// The stored message type (`message.type`).
    public var typeName: String {
        switch self {
        case .text: "text"
        case .template: "template"
        case .requestPhone: "interactive"
        }
    }

    /// One line for the inbox: the text itself, or the template name and its values.
    public var displayText: String {
        switch self {
        case .text(let body), .requestPhone(let body, _):
            return body
        case .template(let template):
            let values = template.parameters.isEmpty ? "" : " (\(template.parameters.joined(separator: ", ")))"
            return "[template \(template.name)]\(values)"
        }
    }
}

/// A template send: name, language and positional body parameters (`{{1}}`, `{{2}}`…).
public struct TemplateMessage: Sendable, Hashable {
    public var name: String
    public var category: TemplateCategory
    /// Language/locale code as registered with Meta (`en_US`).
    public var language: String
    public var parameters: [String]

    public init(name: String, category: TemplateCategory, language: String = "en_US", parameters: [String] = []) {
        self.name = name
        self.category = category
        self.language = language
        self.parameters = parameters
    }
}
