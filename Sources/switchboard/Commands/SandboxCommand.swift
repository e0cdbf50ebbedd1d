import Config
import ArgumentParser
import Foundation
import Identity
import Sandbox

/// `switchboard sandbox`: a local stand-in for every provider's send API.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local provider sandbox: accepts sends in every provider's shape, posts status webhooks back.",
        discussion: """
            Point a channel's send_url at http://HOST:PORT/<provider>/<channel id, number or name>/messages \
            (Connectly: .../send/messages and template_url .../send/whatsapp_templated_messages). Requests are \
            checked like the real service, but loudly: a BSUID in Meta's "to" is a 400 here (Meta drops it \
            silently). Each accepted send gets the provider's answer with a message id, then status webhooks \
            sent → delivered → read in the provider's shape are posted to --webhook-url (with {provider} or \
            {channel} substituted, else /<provider> appended). GET /sandbox/sends lists accepted sends; \
            POST /sandbox/faults {"statuses":[503]} makes the next sends fail.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free one.") var port = 8090
    @Option(help: "Where to post status webhooks, e.g. http://127.0.0.1:8080/webhooks (none: not posted).")
    var webhookURL: String?
    @Option(help: "Milliseconds to wait before each status webhook.") var delayMs = 300

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard delayMs >= 0 else { throw ValidationError("--delay-ms must not be negative") }
        if let webhookURL, URL(string: webhookURL)?.scheme?.hasPrefix("http") != true {
            throw ValidationError("--webhook-url must be an http(s) URL")
        }
    }

    func run() async throws {
        let channels = (try? CommandContext.loadConfig(global).channels) ?? []
        let configuration = SandboxConfiguration(
            host: host, port: port, channels: channels, statusDelay: .milliseconds(delayMs),
            sink: webhookURL.map { WebhookPoster(url: $0).sink })
        let host = host
        do {
            try await SandboxServer.run(configuration) { port in
                StandardError.line("sandbox listening on http://\(host):\(port)")
                for channel in channels {
                    StandardError.line("  \(channel.name): \(Self.sendURL(channel, base: "http://\(host):\(port)"))")
                }
            }
        } catch {
            throw CLIFailure("cannot run the sandbox on \(host):\(port): \(error)")
        }
    }

    /// The send_url that points `channel` at this sandbox.
    static func sendURL(_ channel: Channel, base: String) -> String {
        let key = channel.id ?? channel.number ?? channel.name
        switch channel.provider {
        case .connectly: return "\(base)/connectly/\(key)/send/messages"
        default: return "\(base)/\(channel.provider.rawValue)/\(key)/messages"
        }
    }
}
