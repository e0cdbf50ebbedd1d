import ArgumentParser
import Config
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
        return (Self.defaults.configFile, false)
    }

    static var defaults: DefaultPaths {
        DefaultPaths(environment: ProcessInfo.processInfo.environment, accountHome: NSHomeDirectory())
    }

    /// The store path: `--store`, else the config's `store`, else the XDG default.
    func storePath(configured: String?) -> String {
        if let store { return store }
        if let configured { return configured }
        return Self.defaults.storeFile
    }
}
