import ArgumentParser
import Config
import Foundation
import JSON
import Logging
import Outbound
import Server
import Store
import TUI

/// `switchboard tui` (and plain `switchboard`): the terminal inbox.
struct TUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "The terminal inbox (the default command).")

    @OptionGroup var global: GlobalOptions
    @Flag(name: .customLong("no-color"), help: "Monochrome display (also when NO_COLOR is set).")
    var noColor = false

    @Option(help: "Also receive live webhooks on this loopback port (the `serve` receiver, in-process).")
    var listen: Int?

    func run() async throws {
        let context = try CommandContext.open(global)
        var receiver: RunningReceiver?
        if let listen {
            receiver = try await InProcessReceiver.start(store: context.store, config: context.config,
                                                         host: context.config.server.host, port: listen)
        }
        do {
            let path = global.configPath.path
            let missing = FileManager.default.fileExists(atPath: path) ? nil : path
            try await InboxLauncher.run(store: context.store, config: context.config, noColor: noColor, missingConfigPath: missing)
        } catch {
            await receiver?.stop()
            throw error
        }
        await receiver?.stop()
    }
}

/// The live receiver running beside the inbox. It must not write to the terminal that
/// curses owns, so its request log goes nowhere.
enum InProcessReceiver {
    static func start(store: any InboxStore, config: SwitchboardConfig, host: String, port: Int) async throws -> RunningReceiver {
        let logger = Logger(label: "switchboard.receiver") { _ in SwiftLogNoOpLogHandler() }
        do {
            return try await WebhookReceiver(store: store, config: config, logger: logger).start(host: host, port: port)
        } catch {
            throw CLIFailure("cannot listen on \(host):\(port): \(error)")
        }
    }
}

/// Wires the inbox to the store, the outbox and the clock, and runs it on its own thread:
/// the curses loop blocks, and the cooperative pool must stay free for sends and searches.
enum InboxLauncher {
    /// - Parameter clockStart: when set (the demo), the inbox's clock starts at this time and
    ///   runs in real time from there, so recorded data looks recent (service windows open).
    static func run(store: any InboxStore, config: SwitchboardConfig, noColor: Bool, clockStart: Date? = nil,
                    missingConfigPath: String? = nil) async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIFailure("the inbox needs a terminal (stdin and stdout must be a TTY)")
        }
        let keymap: Keymap
        do {
            keymap = try Keymap.standard.remapped(config.keys.mapValues { $0.split(separator: " ").map(String.init) })
        } catch {
            throw CLIFailure(error.description)
        }
        let env = ProcessInfo.processInfo.environment
        let fixedNow = try CommandContext.currentTime()
        let fixed = !(env["SWITCHBOARD_NOW"] ?? "").isEmpty
        let clock: @Sendable () -> Double
        if fixed {
            clock = { fixedNow.timeIntervalSince1970 }
        } else if let clockStart {
            let launched = Date()
            clock = { clockStart.timeIntervalSince1970 + Date().timeIntervalSince(launched) }
        } else {
            clock = { Date().timeIntervalSince1970 }
        }
        let outbox = ReplyOutbox(store: store, clock: { Date(timeIntervalSince1970: clock()) })
        // curses owns the terminal: results show up in the conversation, not as lines.
        QueuedReplies.sendInBackground(store: store, config: config) { _ in }
        var environment = InboxEnvironment(
            store: store,
            replies: OutboxReplyGateway(store: store, config: config, outbox: outbox, environment: env),
            export: { path in try export(store: store, to: path) },
            clock: clock,
            editor: env["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["EDITOR"].flatMap { $0.isEmpty ? nil : $0 },
            operatorName: CommandContext.operatorName(config: config))
        environment.bell = config.bell
        environment.showsChannels = config.channels.count > 1
        environment.missingConfigPath = missingConfigPath
        let configured = environment
        let monochrome = noColor || !(env["NO_COLOR"] ?? "").isEmpty
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                InboxProgram(environment: configured, keymap: keymap, monochrome: monochrome).run()
                done.resume()
            }
            thread.name = "switchboard-inbox"
            thread.start()
        }
    }

    /// `:export PATH`: every message, CSV when the path ends in .csv, else JSON.
    static func export(store: any InboxStore, to path: String) throws -> Int {
        var sink = try ExportSink(path: (path as NSString).expandingTildeInPath)
        var count = 0
        if path.lowercased().hasSuffix(".csv") {
            sink.write(ExportCommand.columns.joined(separator: ",") + "\n")
            try store.forEachMessage { message in
                let object = RecordJSON.message(message)
                sink.write(ExportCommand.columns.map { CSV.field(object[$0]?.text ?? "") }.joined(separator: ",") + "\n")
                count += 1
            }
        } else {
            sink.write("[")
            try store.forEachMessage { message in
                sink.write(count == 0 ? "\n" : ",\n")
                sink.write(RecordJSON.message(message).serialized())
                count += 1
            }
            sink.write(count == 0 ? "]\n" : "\n]\n")
        }
        sink.close()
        return count
    }
}
