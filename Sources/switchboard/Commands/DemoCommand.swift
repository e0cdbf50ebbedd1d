import ArgumentParser
import Config
import Foundation
import Identity
import Sandbox
import Server
import Store

/// `switchboard demo`: a throw-away store filled from Assets/, the sandbox provider on a free
/// loopback port, then the inbox. Works offline: replies go to the sandbox, whose status
/// webhooks are ingested straight into the demo store.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try the inbox on sample data: a throw-away store, a local sandbox provider, then the TUI.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The Assets folder (default: found from the working directory or the executable).")
    var assets: String?
    @Flag(name: .customLong("no-color"), help: "Monochrome display (also when NO_COLOR is set).")
    var noColor = false
    @Flag(help: "Keep the demo store afterwards and print its path.")
    var keep = false

    func run() async throws {
        let assetsPath = try locateAssets()
        let config: SwitchboardConfig
        do {
            config = try ConfigLoader.load(path: assetsPath + "/config.toml", required: true)
        } catch {
            throw CLIFailure("demo config: \(error)")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-demo-\(ProcessInfo.processInfo.processIdentifier)").path
        let storePath = global.store ?? directory + "/inbox.sqlite"
        let store = try SQLiteStore(path: storePath)
        defer {
            if keep || global.store != nil {
                StandardError.line("demo store kept at \(storePath)")
            } else {
                try? FileManager.default.removeItem(atPath: directory)
            }
        }
        try fill(store, from: assetsPath, channels: config.directory)

        // Status webhooks travel as they would in production: sandbox → HTTP → receiver →
        // store. The demo is local and the sandbox does not sign, so no channel asks for it.
        var receiverConfig = config
        receiverConfig.channels = config.channels.map { channel in
            var channel = channel
            channel.webhookSecretEnv = nil
            channel.allowUnsigned = true
            return channel
        }
        let receiver = try await InProcessReceiver.start(store: store, config: receiverConfig, host: "127.0.0.1", port: 0)
        let sandbox = try await SandboxServer.start(SandboxConfiguration(
            host: "127.0.0.1", port: 0, channels: config.channels, statusDelay: .milliseconds(700),
            sink: WebhookPoster(url: receiver.baseURL + "/webhooks").sink))
        var demoConfig = config
        demoConfig.channels = config.channels.map { channel in
            var channel = channel
            channel.sendURL = SandboxCommand.sendURL(channel, base: sandbox.baseURL)
            if channel.provider == .connectly {
                let key = channel.id ?? channel.number ?? channel.name
                channel.templateURL = "\(sandbox.baseURL)/connectly/\(key)/send/whatsapp_templated_messages"
            }
            return channel
        }
        do {
            // The samples were recorded on 20 Nov 2026: start the demo's clock shortly after
            // the newest one, so replies fall inside WhatsApp's 24-hour service window.
            let newest = try store.conversations().compactMap(\.lastMessageAt).max()
            try await InboxLauncher.run(store: store, config: demoConfig, noColor: noColor,
                                        clockStart: newest.map { $0.addingTimeInterval(15 * 60) })
        } catch {
            await sandbox.stop()
            await receiver.stop()
            throw error
        }
        await sandbox.stop()
        await receiver.stop()
    }

    /// Replays every sample webhook (and the demo data set, when present) into the store.
    private func fill(_ store: any InboxStore, from assets: String, channels: ChannelDirectory) throws {
        let paths = ["webhooks", "demo"].map { assets + "/" + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
        let pipeline = ReplayPipeline(provider: nil, channel: nil, receivedAt: try CommandContext.currentTime(),
                                      maxBodyBytes: ServerSettings().maxBodyBytes)
        _ = try pipeline.run(items: ReplaySource.expand(paths), store: store, channels: channels,
                             onOutcome: { _, _ in }, onProgress: { _ in })
    }

    /// `--assets`, else `Assets/` in the working directory or above the executable.
    private func locateAssets() throws -> String {
        if let assets {
            guard FileManager.default.fileExists(atPath: assets + "/config.toml") else {
                throw CLIFailure("\(assets) has no config.toml: not an Assets folder")
            }
            return assets
        }
        var candidates = [FileManager.default.currentDirectoryPath + "/Assets"]
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent("Assets").path)
            folder = folder.deletingLastPathComponent()
        }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/config.toml") }) else {
            throw CLIFailure("cannot find the Assets folder; pass --assets PATH")
        }
        return found
    }
}
