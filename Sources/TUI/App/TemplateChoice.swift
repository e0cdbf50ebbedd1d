public import Store

/// A configured template as the picker lists it.
public struct TemplateChoice: Sendable, Hashable {
    public var name: String
    /// authentication | marketing | utility
    public var category: String
    public var language: String
    /// What each body parameter is (`[[template]] parameters`), in order.
    public var parameters: [String]
    /// Why it cannot go to this conversation (an authentication template needs the phone…).
    public var unavailable: String?

    public init(name: String, category: String, language: String, parameters: [String] = [], unavailable: String? = nil) {
        self.name = name
        self.category = category
        self.language = language
        self.parameters = parameters
        self.unavailable = unavailable
    }
}

/// What a template send would do: the route and the exact request body, or a refusal.
public enum TemplatePreview: Sendable, Hashable {
    case ready(ReplyRoute, request: String)
    case refused(ReplyRefusal)
    case unavailable(String)
}

/// The template picker: choose, fill in the parameters, look at the exact request, confirm.
public struct TemplatePickerState: Sendable, Hashable {
    public enum Stage: Sendable, Hashable {
        case choose
        /// Typing the value of parameter `index`.
        case fill(index: Int)
        /// The request is shown; Enter sends it.
        case confirm
    }

    public var conversation: Conversation
    public var choices: [TemplateChoice] = []
    public var loaded = false
    public var selected = 0
    public var stage: Stage = .choose
    public var values: [String] = []
    public var input = LineEditor()
    public var preview: TemplatePreview?

    public init(conversation: Conversation) {
        self.conversation = conversation
    }

    public var choice: TemplateChoice? { choices.indices.contains(selected) ? choices[selected] : nil }
}
