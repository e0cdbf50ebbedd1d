import Config
import ArgumentParser
import Foundation
import Identity
import Store

/// `switchboard replay`: ingest recorded webhooks.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Ingest webhook files: .json bodies, .ndjson/.jsonl lines or recorded envelopes, directories.",
        discussion: "Exit status: 0, or 1 when a path cannot be read, or 2 with --strict when anything was quarantined.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Provider of the payloads (meta, sinch, azure, connectly, kapso, webex); detected by shape when absent.")
    var provider: String?

    @Option(help: "Channel (config name) the payloads arrived on; matched by number/id when absent.")
    var channel: String?

    @Flag(help: "Also exit non-zero when any webhook was quarantined.")
    var strict = false

    @Argument(help: "Files or directories to replay.")
    var paths: [String]

    func run() async throws {
        var kind: ProviderKind?
        if let provider {
            guard let parsed = ProviderKind(rawValue: provider.lowercased()) else {
                throw CLIFailure("unknown provider \"\(provider)\" (meta, sinch, azure, connectly, kapso, webex)")
            }
            kind = parsed
        }
        let context = try CommandContext.open(global)
        if let channel, context.config.directory.named(channel) == nil {
            throw CLIFailure("unknown channel \"\(channel)\": not in the config")
        }
        let items = ReplaySource.expand(paths)
        let total = items.reduce(0) { sum, item in
            guard case .file(let path, _) = item else { return sum }
            return sum + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        var progress = ProgressBar(totalBytes: total)
        var tally = ReplayTally()
        let pipeline = ReplayPipeline(provider: kind, channel: channel, receivedAt: context.now,
                                      maxBodyBytes: context.config.server.maxBodyBytes)
        let unreadable = try pipeline.run(
            items: items, store: context.store, channels: context.config.directory,
            onOutcome: { outcome, origin in
                tally.count(outcome)
                if case .quarantined(let reason) = outcome {
                    progress.finish()
                    StandardError.line("quarantined \(origin): \(reason)")
                }
            },
            onProgress: { bytes in progress.update(bytes: bytes, webhooks: tally.ingested + tally.duplicates + tally.quarantined) })
        progress.finish()
        for line in unreadable { StandardError.line("switchboard: cannot read \(line)") }
        StandardOutput.text(tally.summary)
        if !unreadable.isEmpty { throw ExitCode(1) }
        if strict && tally.quarantined > 0 { throw ExitCode(2) }
    }
}
