import Config
import Foundation
import Identity
import Store
import Webhooks

/// What every command needs: the config, the store and the current time.
struct CommandContext {
    let config: SwitchboardConfig
    let store: any InboxStore
    /// `SWITCHBOARD_NOW` when set (reproducible runs), else the clock.
    let now: Date

    static func open(_ global: GlobalOptions) throws -> CommandContext {
        let config = try loadConfig(global)
        let location = StoreLocation(global.storePath(configured: config.storePath))
        let store: any InboxStore
        do {
            store = try location.open()
        } catch let error as StoreOpenError {
            throw CLIFailure(error.description)
        }
        return CommandContext(config: config, store: store, now: try currentTime())
    }

    static func loadConfig(_ global: GlobalOptions) throws -> SwitchboardConfig {
        let (path, explicit) = global.configPath
        do {
            return try ConfigLoader.load(path: path, required: explicit)
        } catch {
            throw CLIFailure(error.description)
        }
    }

    static func currentTime() throws -> Date {
        guard let text = ProcessInfo.processInfo.environment["SWITCHBOARD_NOW"], !text.isEmpty else { return Date() }
        guard let date = Timestamps.iso8601(text) else {
            throw CLIFailure("SWITCHBOARD_NOW=\(text) is not an ISO 8601 time")
        }
        return date
    }

    /// Who is at the keyboard: `SWITCHBOARD_OPERATOR`, else config `operator`, else `$USER`.
    var operatorName: String? { Self.operatorName(config: config) }

    static func operatorName(config: SwitchboardConfig) -> String? {
        let environment = ProcessInfo.processInfo.environment
        for candidate in [environment["SWITCHBOARD_OPERATOR"], config.operatorName, environment["USER"]] {
            if let name = candidate?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        }
        return nil
    }

    /// The operator for `--me`, or a one-line failure when nobody is named anywhere.
    static func me(config: SwitchboardConfig) throws -> String {
        guard let name = operatorName(config: config) else {
            throw CLIFailure("who is \"me\"? set SWITCHBOARD_OPERATOR, operator in the config, or $USER", exitCode: 2)
        }
        return name
    }

    /// The provider of a channel name, from the config.
    func provider(of channel: String) -> String? {
        config.directory.named(channel)?.provider.rawValue
    }

    /// The contact a REF points at, or a one-line failure.
    func contact(_ ref: String) throws -> Contact {
        guard let contact = try store.findContact(ref: ref) else {
            throw CLIFailure("no contact matches \"\(ref)\"")
        }
        return contact
    }
}
