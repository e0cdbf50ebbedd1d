/// Where the config and the store live when no flag names them (SPEC §4): the XDG base
/// directories, else `$HOME/.config` and `$HOME/.local/share`. An XDG variable that is unset,
/// empty or relative is ignored (the XDG spec); `$HOME` wins over the password database's
/// home, so `HOME=/tmp/x switchboard` stays inside /tmp/x.
public struct DefaultPaths: Sendable, Hashable {
    public var configFile: String
    public var storeFile: String

    /// - Parameters:
    ///   - environment: the process environment.
    ///   - accountHome: the password database's home, used only when `$HOME` is unset or empty.
    public init(environment: [String: String], accountHome: String) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? accountHome
        func base(_ variable: String, _ fallback: String) -> String {
            guard let value = environment[variable], value.hasPrefix("/") else { return home + fallback }
            return value
        }
        configFile = base("XDG_CONFIG_HOME", "/.config") + "/switchboard/config.toml"
        storeFile = base("XDG_DATA_HOME", "/.local/share") + "/switchboard/inbox.sqlite"
    }
}
