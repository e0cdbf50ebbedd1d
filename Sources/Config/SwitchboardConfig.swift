public import Foundation
public import Identity

/// The configuration file (`config.toml`, SPEC §5).
public struct SwitchboardConfig: Sendable {
    public var storePath: String?
    public var server: ServerSettings
    public var channels: [Channel]
    public var templates: [TemplateSettings]
    /// `[keys]` table: action name → key, for remapping TUI keys.
    public var keys: [String: String]
    /// `operator`: who this operator is (`SWITCHBOARD_OPERATOR` wins).
    public var operatorName: String?
    /// `bell`: ring the terminal bell on new inbound messages (default true).
    public var bell = true
    /// `contact_book_since`: when Meta's contact book started for this business (UTC date).
    public var contactBookSince = SwitchboardConfig.defaultContactBookSince

    /// 2026-04-01T00:00:00Z, when Meta's contact book started for every business by default.
    public static let defaultContactBookSince = Date(timeIntervalSince1970: 1_775_001_600)

    public init(storePath: String? = nil, server: ServerSettings = ServerSettings(), channels: [Channel] = [],
                templates: [TemplateSettings] = [], keys: [String: String] = [:]) {
        self.storePath = storePath
        self.server = server
        self.channels = channels
        self.templates = templates
        self.keys = keys
    }

    public var directory: ChannelDirectory { ChannelDirectory(channels) }
}

/// `[server]`: the live receiver.
public struct ServerSettings: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var maxBodyBytes: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 3_145_728) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
    }
}

/// `[[template]]`: an approved template the operator may send.
public struct TemplateSettings: Sendable, Hashable {
    public var name: String
    public var language: String
    /// authentication | marketing | utility
    public var category: String
    /// What each body parameter is, in order (`parameters`); nil when the config says nothing,
    /// then the parameter count is not checked.
    public var parameters: [String]?
    /// Carries a REQUEST_CONTACT_INFO button (§3).
    public var requestsContactInfo: Bool

    public init(name: String, language: String = "en_US", category: String = "utility", parameters: [String]? = nil,
                requestsContactInfo: Bool = false) {
        self.name = name
        self.language = language
        self.category = category
        self.parameters = parameters
        self.requestsContactInfo = requestsContactInfo
    }
}
