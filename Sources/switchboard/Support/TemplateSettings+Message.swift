import Config
import Identity
import Outbound

extension TemplateSettings {
    /// The configured template as a send, with its body parameters.
    func message(parameters: [String] = []) -> TemplateMessage {
        TemplateMessage(name: name, category: TemplateCategory(rawValue: category) ?? .utility, language: language,
                        parameters: parameters)
    }
}

extension SwitchboardConfig {
    /// The template that asks for the phone outside the window (`request_contact_info = true`).
    var phoneRequestTemplate: TemplateMessage? {
        templates.first(where: \.requestsContactInfo)?.message()
    }
}
