/// WhatsApp template categories (`[[template]] category` in config.toml).
public enum TemplateCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// One-tap, zero-tap and copy-code templates: Meta delivers them to phone numbers only.
    case authentication
    case marketing
    case utility
}
