import Foundation
import Identity
import TOMLKit

/// A configuration problem, one line, naming the file and what is wrong.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}

/// Reads `config.toml`.
public enum ConfigLoader {
    /// Loads the file at `path`; a missing file at the default location is an empty config.
    public static func load(path: String, required: Bool) throws(ConfigError) -> SwitchboardConfig {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw ConfigError("config file \(path) does not exist") }
            return SwitchboardConfig()
        }
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw ConfigError("cannot read config file \(path)")
        }
        do {
            return try parse(text)
        } catch {
            throw ConfigError("\(path): \(error.description)")
        }
    }

    /// `YYYY-MM-DD` as midnight UTC.
    static func utcDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    public static func parse(_ text: String) throws(ConfigError) -> SwitchboardConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError("line \(error.source.begin.line): \(error.description)")
        } catch {
            throw ConfigError("\(error)")
        }
        var config = SwitchboardConfig()
        try ConfigKeys.check(table.keys, known: ConfigKeys.top, in: "the top level")
        config.storePath = table["store"]?.string
        config.operatorName = table["operator"]?.string
        if let since = table["contact_book_since"] {
            guard let text = since.string, let date = Self.utcDate(text) else {
                throw ConfigError("contact_book_since must be a date like \"2026-04-01\" (UTC)")
            }
            config.contactBookSince = date
        }
        if let bell = table["bell"] {
            guard let value = bell.bool else { throw ConfigError("bell must be true or false") }
            config.bell = value
        }
        if let server = table["server"]?.table {
            try ConfigKeys.check(server.keys, known: ConfigKeys.server, in: "[server]")
            config.server.host = server["host"]?.string ?? config.server.host
            config.server.port = server["port"]?.int ?? config.server.port
            config.server.maxBodyBytes = server["max_body_bytes"]?.int ?? config.server.maxBodyBytes
        }
        if let channels = table["channel"]?.array {
            for (index, item) in channels.enumerated() {
                guard let entry = item.table else { throw ConfigError("[[channel]] #\(index + 1) is not a table") }
                config.channels.append(try channel(entry, index: index + 1))
            }
        }
        let names = config.channels.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw ConfigError("channel name \"\(duplicate)\" is used twice")
        }
        if let templates = table["template"]?.array {
            for (index, item) in templates.enumerated() {
                if let entry = item.table {
                    let place = entry["name"]?.string.map { "[[template]] \($0)" } ?? "[[template]] #\(index + 1)"
                    try ConfigKeys.check(entry.keys, known: ConfigKeys.template, in: place)
                }
                guard let entry = item.table, let name = entry["name"]?.string else {
                    throw ConfigError("[[template]] #\(index + 1) needs a name")
                }
                let category = entry["category"]?.string ?? "utility"
                guard ["authentication", "marketing", "utility"].contains(category) else {
                    throw ConfigError("template \(name): category must be authentication, marketing or utility")
                }
                var parameters: [String]?
                if let list = entry["parameters"] {
                    guard let array = list.array, let names = Optional(array.compactMap(\.string)), names.count == array.count else {
                        throw ConfigError("template \(name): parameters must be a list of strings (what each body parameter is)")
                    }
                    parameters = names
                }
                var requests = false
                if let flag = entry["request_contact_info"] {
                    guard let value = flag.bool else { throw ConfigError("template \(name): request_contact_info must be true or false") }
                    requests = value
                }
                config.templates.append(TemplateSettings(
                    name: name, language: entry["language"]?.string ?? "en_US", category: category,
                    parameters: parameters, requestsContactInfo: requests))
            }
        }
        if let keys = table["keys"]?.table {
            for key in keys.keys {
                if let value = keys[key]?.string { config.keys[key] = value }
            }
        }
        return config
    }

    private static func channel(_ entry: TOMLTable, index: Int) throws(ConfigError) -> Channel {
        let place = entry["name"]?.string.map { "[[channel]] \($0)" } ?? "[[channel]] #\(index)"
        try ConfigKeys.check(entry.keys, known: ConfigKeys.channel, in: place)
        guard let name = entry["name"]?.string, !name.isEmpty else {
            throw ConfigError("[[channel]] #\(index) needs a name")
        }
        guard let providerName = entry["provider"]?.string else {
            throw ConfigError("channel \(name): provider is missing")
        }
        guard let provider = ProviderKind(rawValue: providerName) else {
            throw ConfigError("channel \(name): unknown provider \"\(providerName)\" (meta, sinch, azure, connectly, kapso, webex)")
        }
        guard let portfolio = entry["portfolio"]?.string, !portfolio.isEmpty else {
            throw ConfigError("channel \(name): portfolio is missing (BSUIDs are scoped to it)")
        }
        let number = entry["number"]?.string ?? entry["number"]?.int.map(String.init)
        let api = entry["api"]?.string
        if let api {
            let known: [String] = provider == .sinch ? ["conversation", "latam"] : []
            guard known.contains(api) else {
                throw ConfigError(known.isEmpty
                    ? "channel \(name): api = \"\(api)\" is not an option for \(providerName) (only sinch has several APIs)"
                    : "channel \(name): api = \"\(api)\" is not one of \(known.joined(separator: ", "))")
            }
        }
        return Channel(
            name: name, provider: provider, number: number.map { $0.filter(\.isNumber) },
            id: entry["id"]?.string ?? entry["id"]?.int.map(String.init),
            portfolio: portfolio, parentGroup: entry["parent_group"]?.string,
            sendURL: entry["send_url"]?.string, templateURL: entry["template_url"]?.string,
            tokenEnv: entry["token_env"]?.string, webhookSecretEnv: entry["webhook_secret_env"]?.string,
            verifyTokenEnv: entry["verify_token_env"]?.string, bsuidSending: entry["bsuid_sending"]?.bool,
            allowUnsigned: entry["allow_unsigned"]?.bool ?? false, api: api == "latam" ? nil : api)
    }
}
