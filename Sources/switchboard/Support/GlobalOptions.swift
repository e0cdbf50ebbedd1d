import ArgumentParser
import Foundation

/// `--config` and `--store`, accepted before or after the command name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Config file (default $XDG_CONFIG_HOME/switchboard/config.toml).")
    var config: String?

    @Option(name: .long, help: "Store file (default $XDG_DATA_HOME/switchboard/inbox.sqlite).")
    var store: String?

    /// The config path in effect, and whether the user named it (then it must exist).
    var configPath: (path: String, explicit: Bool) {
        if let config { return (config, true) }
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        return (base + "/switchboard/config.toml", false)
    }

    /// The store path: `--store`, else the config's `store`, else the XDG default.
    func storePath(configured: String?) -> String {
        if let store { return store }
        if let configured { return configured }
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
        return base + "/switchboard/inbox.sqlite"
    }
}
