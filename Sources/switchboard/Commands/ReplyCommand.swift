import JSON
import Config
import ArgumentParser
import Foundation
import Identity
import Outbound
import Store
import Webhooks

/// `switchboard reply`: plan a reply with the identifier that will work, then send it
/// through the outbox (SPEC §3, §4). Refusals exit with status 3.
struct ReplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply",
        abstract: "Plan and send a reply (text or template) with the right identifier.",
        discussion: """
            The identifier is the phone when known, else the BSUID of the channel's portfolio, else the parent \
            BSUID of its group. Refusals (exit status 3): no_identifier, auth_template_requires_phone, \
            outside_portfolio, bsuid_sending_unsupported, service_window_closed. --dry-run prints the plan and the \
            exact request (never its headers, which hold secrets) without sending. The auth token comes from the \
            environment variable the channel names in token_env.
            """)

    static let refusalExitCode: Int32 = 3

    @OptionGroup var global: GlobalOptions
    @Option(help: "The contact: phone, BSUID, parent BSUID, @username or contact id.") var to: String
    @Option(help: "Channel name (default: the channel of the contact's most recent conversation).") var channel: String?
    @Option(help: "Free-form text (needs a customer message in the last 24 h).") var text: String?
    @Option(help: "Template name.") var template: String?
    @Option(help: "Template category (default: from the config, else utility).")
    var category: TemplateCategory?
    @Option(help: "Template language (default: from the config, else en_US).") var language: String?
    @Option(name: .customLong("param"), help: "Template body parameter, in order; repeat for each.") var params: [String] = []
    @Flag(name: .customLong("request-phone"),
          help: "Ask a BSUID-only customer to share their phone (Meta request_contact_info; --text is the ask, optional).")
    var requestPhone = false
    @Flag(help: "Print the plan and the request without sending.") var dryRun = false
    @Flag(help: "Print JSON (SPEC §4 shape).") var json = false

    func validate() throws {
        if requestPhone {
            guard template == nil, category == nil, language == nil, params.isEmpty else {
                throw ValidationError("--request-phone takes --text (optional), not a template")
            }
            return
        }
        guard (text == nil) != (template == nil) else {
            throw ValidationError("give exactly one of --text or --template")
        }
        if template == nil, category != nil || language != nil || !params.isEmpty {
            throw ValidationError("--category, --language and --param go with --template")
        }
    }

    func run() async throws {
        let context = try CommandContext.open(global)
        let contact = try context.contact(to)
        let channel = try replyChannel(context: context, contact: contact.id)
        guard let replyContext = try context.store.replyContext(contact: contact.id) else {
            throw CLIFailure("no contact matches \"\(to)\"")
        }
        let message = try outgoingMessage(context: context)
        // Planning comes first: a refusal is reported even when the channel's token is unset.
        var preparation = try prepare(replyContext, channel: channel, message: message, now: context.now, token: nil)
        var token: String?
        if case .ready = preparation, !dryRun {
            token = try tokenOrFail(channel)
            preparation = try prepare(replyContext, channel: channel, message: message, now: context.now, token: token)
        }
        switch preparation {
        case .refused(let refusal):
            if json {
                StandardOutput.json(ReplyReport.json(refusal))
            } else {
                StandardError.line("switchboard: cannot reply via \(channel.name): \(refusal.message) (\(refusal.code.rawValue))")
            }
            throw ExitCode(Self.refusalExitCode)
        case .ready(let reply):
            if dryRun {
                report(reply, sent: nil, messageID: nil, error: nil)
                return
            }
            let outbox = ReplyOutbox(store: context.store, clock: { context.now })
            let delivery = try await outbox.send(reply, contact: contact.id, token: token)
            switch delivery.result {
            case .accepted(let messageID, _)?:
                report(reply, sent: true, messageID: messageID, error: nil)
            case .failed(let error, let status)?:
                report(reply, sent: false, messageID: nil, error: (error, status))
                throw ExitCode.failure
            case nil:
                throw CLIFailure("the reply was already being sent by another process")
            }
        }
    }

    /// `--channel`, else the channel of the contact's most recent conversation, else the only channel.
    func replyChannel(context: CommandContext, contact: ContactID) throws -> Channel {
        let directory = context.config.directory
        if let name = channel {
            guard let found = directory.named(name) else {
                let known = directory.channels.map(\.name).joined(separator: ", ")
                throw CLIFailure("no channel named \"\(name)\" in the configuration (channels: \(known))")
            }
            return found
        }
        if let recent = try context.store.conversations(contact: contact).first,
           let found = directory.named(recent.channel) {
            return found
        }
        if directory.channels.count == 1, let only = directory.channels.first { return only }
        throw CLIFailure("no conversation with \"\(to)\" on a configured channel; pass --channel")
    }

    func prepare(_ replyContext: ReplyContext, channel: Channel, message: OutgoingMessage, now: Date,
                 token: String?) throws -> ReplyPreparation {
        do {
            return try ReplyPreparer.prepare(context: replyContext, channel: channel, message: message, now: now, token: token)
        } catch {
            throw CLIFailure(String(describing: error))
        }
    }

    /// What the provider would reject is refused before anything else: exit 2, one line, and
    /// with `--json` `{"ok": false, "error": "invalid_request", "message"}` on stdout.
    func invalidRequest(_ message: String) -> CLIFailure {
        if json {
            StandardOutput.json(["ok": false, "error": "invalid_request", "message": .string(message)])
        }
        return CLIFailure(message, exitCode: 2)
    }

    func outgoingMessage(context: CommandContext) throws -> OutgoingMessage {
        if requestPhone {
            let ask = text ?? OutgoingMessage.defaultPhoneRequest
            guard !ask.allSatisfy(\.isWhitespace) else { throw invalidRequest("the text is empty") }
            return .requestPhone(text: ask, template: context.config.phoneRequestTemplate)
        }
        if let text {
            guard !text.allSatisfy(\.isWhitespace) else { throw invalidRequest("the text is empty") }
            guard text.count <= 4096 else {
                throw invalidRequest("the text has \(text.count) characters; WhatsApp takes at most 4,096")
            }
            return .text(text)
        }
        guard let name = template else { throw CLIFailure("give exactly one of --text or --template") }
        guard let configured = context.config.templates.first(where: { $0.name == name }) else {
            let known = context.config.templates.map(\.name)
            throw invalidRequest("unknown template \"\(name)\" (configured: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
        }
        if let expected = configured.parameters, expected.count != params.count {
            let what = expected.isEmpty ? "none" : expected.joined(separator: ", ")
            throw invalidRequest("template \(name) takes \(expected.count) parameter\(expected.count == 1 ? "" : "s") (\(what)); "
                                 + "\(params.count) given with --param")
        }
        let categoryName = category?.rawValue ?? configured.category
        guard let parsed = TemplateCategory(rawValue: categoryName) else {
            throw CLIFailure("template \(name) has category \"\(categoryName)\" in the configuration; "
                             + "expected authentication, marketing or utility")
        }
        return .template(TemplateMessage(name: name, category: parsed,
                                         language: language ?? configured.language, parameters: params))
    }

    func tokenOrFail(_ channel: Channel) throws -> String? {
        do {
            return try ProviderRequestBuilder.token(for: channel, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CLIFailure(String(describing: error))
        }
    }

    func report(_ reply: PreparedReply, sent: Bool?, messageID: String?, error: (ProviderError, Int?)?) {
        if json {
            var object = ReplyReport.json(reply, sent: sent, messageID: messageID).object ?? [:]
            if let (failure, status) = error {
                object["error"] = ["code": .string(failure.code), "message": .optional(failure.message ?? failure.title),
                                   "http_status": status.map { .int($0) } ?? .null]
            }
            StandardOutput.json(.object(object))
            return
        }
        let plan = reply.plan
        StandardOutput.text("to \(plan.identifier.value) (\(plan.identifier.kind.rawValue), \(plan.reason)) via \(plan.channel.name)")
        StandardOutput.text("\(reply.request.method) \(reply.request.url)")
        StandardOutput.text(reply.request.body.serialized(pretty: true))
        if let messageID, sent == true { StandardOutput.text("sent: provider message id \(messageID)") }
        if let (failure, status) = error {
            StandardError.line("switchboard: send failed\(status.map { " (HTTP \($0))" } ?? ""): \(failure.code)"
                               + (failure.message.map { " \($0)" } ?? ""))
        }
    }
}
