import ArgumentParser
import Config
import Foundation
import Store

/// `switchboard check`: validates the config and the store, one line per finding (SPEC §4).
/// Errors exit 1; warnings alone exit 0.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config and the store: errors (exit 1) and warnings, one line each.",
        discussion: """
            Errors: unknown keys, invalid values, duplicate channel numbers or ids, a store that cannot be opened. \
            Warnings: channels without a webhook secret (serve refuses them), allow_unsigned channels, environment \
            variables the config names that are not set.
            """)

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let config = try CommandContext.loadConfig(global)
        var findings = ConfigCheck.findings(config, environment: ProcessInfo.processInfo.environment)
        let location = StoreLocation(global.storePath(configured: config.storePath))
        do {
            _ = try location.open()
        } catch {
            findings.append(ConfigFinding(.error, "\(error)"))
        }
        for finding in findings { StandardOutput.text(finding.description) }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        StandardOutput.text("\(config.channels.count) channels, \(config.templates.count) templates, store \(location): "
                            + "\(errors) errors, \(warnings) warnings")
        if errors > 0 { throw ExitCode.failure }
    }
}
