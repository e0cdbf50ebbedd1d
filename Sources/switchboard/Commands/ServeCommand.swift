import Config
import ArgumentParser
import Logging
import Server

/// `switchboard serve`: the live webhook receiver (SPEC §6).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Receive webhooks over HTTP into the store.",
        discussion: """
            Routes: POST /webhooks/<provider> and /webhooks/<channel name>; GET /webhooks/meta (hub.mode=subscribe \
            verification); OPTIONS (CloudEvents handshake); GET /healthz. Signatures are checked with the secrets in \
            the environment variables each channel names (webhook_secret_env, verify_token_env). A 200 is sent only \
            after the webhook is committed. One log line per request on stderr. SIGINT/SIGTERM: stop accepting, \
            finish the requests in flight, exit 0.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Address to listen on (default: [server] host in the config, else 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on; 0 picks a free one (default: [server] port, else 8080).") var port: Int?
    @Option(help: "Log level.") var logLevel: Logger.Level = .info

    func validate() throws {
        if let port, !(0...65_535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let context = try CommandContext.open(global)
        var logger = Logger(label: "switchboard.serve") { LineLogHandler(label: $0) }
        defer { LogLineSink.standardError.flush() }
        logger.logLevel = logLevel
        let receiver = WebhookReceiver(store: context.store, config: context.config, logger: logger)
        let replyLogger = logger
        QueuedReplies.sendInBackground(store: context.store, config: context.config) { replyLogger.notice("\($0)") }
        do {
            try await receiver.run(host: host, port: port)
        } catch {
            let address = "\(host ?? context.config.server.host):\(port ?? context.config.server.port)"
            throw CLIFailure("cannot serve on \(address): \(error)")
        }
    }
}
