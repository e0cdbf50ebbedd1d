import Webhooks
public import Config
import Foundation
import Identity
import JSON
public import Outbound
public import Store
public import TUI

/// Replies from the inbox through the same path as `switchboard reply`: the planner picks
/// the identifier, the outbox records the message as pending before it is sent, and status
/// webhooks move it along afterwards.
public struct OutboxReplyGateway: ReplyGateway {
    public let store: any InboxStore
    public let config: SwitchboardConfig
    public let outbox: ReplyOutbox
    /// Where channel tokens come from (`token_env`): the process environment.
    public let environment: [String: String]

    public init(store: any InboxStore, config: SwitchboardConfig, outbox: ReplyOutbox, environment: [String: String]) {
        self.store = store
        self.config = config
        self.outbox = outbox
        self.environment = environment
    }

    public func preview(for conversation: Conversation, now: Double) -> ReplyPreview {
        guard let channel = config.directory.named(conversation.channel) else {
            return .unavailable("channel \(conversation.channel) is not in the config")
        }
        guard let context = try? store.replyContext(contact: conversation.contactID) else {
            return .unavailable("contact \(conversation.contactID) is gone")
        }
        switch ReplyPlanner.plan(context: context, channel: channel, kind: .text, now: Date(timeIntervalSince1970: now)) {
        case .plan(let plan): return .ready(route(plan))
        case .refusal(let refusal): return .refused(self.refusal(refusal, conversation: conversation))
        }
    }

    public func send(_ text: String, to conversation: Conversation, now: Double) async -> SendOutcome {
        await deliver(.text(text), to: conversation, now: now)
    }

    public func templates(for conversation: Conversation, now: Double) -> [TemplateChoice] {
        config.templates.map { settings in
            let needsPhone = settings.category == TemplateCategory.authentication.rawValue && !conversation.hasPhone
            return TemplateChoice(name: settings.name, category: settings.category, language: settings.language,
                                  parameters: settings.parameters ?? [],
                                  unavailable: needsPhone ? "authentication templates need the customer's phone" : nil)
        }
    }

    public func previewPhoneRequest(for conversation: Conversation, now: Double) -> ReplyPreview {
        switch prepare(phoneRequest(""), for: conversation, now: now) {
        case .failure(let why): return .unavailable(why)
        case .success(.refused(let refusal)): return .refused(self.refusal(refusal, conversation: conversation))
        case .success(.ready(let reply)): return .ready(route(reply.plan))
        }
    }

    public func sendPhoneRequest(_ text: String, to conversation: Conversation, now: Double) async -> SendOutcome {
        await deliver(phoneRequest(text), to: conversation, now: now)
    }

    /// The ask (or the default one), with the template marked `request_contact_info` for a closed window.
    private func phoneRequest(_ text: String) -> OutgoingMessage {
        let ask = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return .requestPhone(text: ask.isEmpty ? OutgoingMessage.defaultPhoneRequest : ask, template: config.phoneRequestTemplate)
    }

    public func continuity(for conversation: Conversation, now: Double) -> [String] {
        guard let contact = try? store.contact(id: conversation.contactID), contact.phone != nil,
              let rows = try? ContinuityReport.rows(store: store, config: config, now: Date(timeIntervalSince1970: now), contact: contact)
        else { return [] }
        return rows.map { $0.continuity.sentence(portfolio: $0.portfolio, formatted: RecordJSON.iso) }
    }

    public func previewTemplate(_ name: String, parameters: [String], to conversation: Conversation, now: Double) -> TemplatePreview {
        guard let message = templateMessage(name, parameters: parameters) else { return .unavailable("template \(name) is not configured") }
        switch prepare(message, for: conversation, now: now) {
        case .failure(let why): return .unavailable(why)
        case .success(.refused(let refusal)): return .refused(self.refusal(refusal, conversation: conversation))
        case .success(.ready(let reply)):
            let request = "\(reply.request.method) \(reply.request.url)\n\(reply.request.body.serialized(pretty: true))"
            return .ready(route(reply.plan), request: request)
        }
    }

    public func sendTemplate(_ name: String, parameters: [String], to conversation: Conversation, now: Double) async -> SendOutcome {
        guard let message = templateMessage(name, parameters: parameters) else { return .failed("template \(name) is not configured") }
        return await deliver(message, to: conversation, now: now)
    }

    private func templateMessage(_ name: String, parameters: [String]) -> OutgoingMessage? {
        config.templates.first(where: { $0.name == name }).map { .template($0.message(parameters: parameters)) }
    }

    private func deliver(_ message: OutgoingMessage, to conversation: Conversation, now: Double) async -> SendOutcome {
        switch prepare(message, for: conversation, now: now) {
        case .failure(let message):
            return .failed(message)
        case .success(.refused(let refusal)):
            return .refused(self.refusal(refusal, conversation: conversation))
        case .success(.ready(let reply)):
            do {
                let delivery = try await outbox.send(reply, contact: conversation.contactID, token: token(for: reply.plan.channel))
                switch delivery.result {
                case .accepted(let id, _)?: return .accepted(providerMessageID: id)
                case .failed(let error, let status)?:
                    return .failed(Self.sentence(error, httpStatus: status))
                case nil: return .accepted(providerMessageID: nil)
                }
            } catch {
                return .failed("\(error)")
            }
        }
    }

    private enum Prepared {
        case success(ReplyPreparation)
        case failure(String)
    }

    private func prepare(_ message: OutgoingMessage, for conversation: Conversation, now: Double) -> Prepared {
        guard let channel = config.directory.named(conversation.channel) else {
            return .failure("channel \(conversation.channel) is not in the config")
        }
        do {
            guard let context = try store.replyContext(contact: conversation.contactID) else {
                return .failure("contact \(conversation.contactID) is gone")
            }
            return .success(try ReplyPreparer.prepare(
                context: context, channel: channel, message: message,
                now: Date(timeIntervalSince1970: now), token: token(for: channel)))
        } catch {
            return .failure("\(error)")
        }
    }

    /// A failed send as one sentence: the transport's own sentence, the HTTP status in words,
    /// or the provider's code with its title and message.
    static func sentence(_ error: ProviderError, httpStatus: Int?) -> String {
        if error.code.hasPrefix("http_") || httpStatus == nil { return error.message ?? error.title ?? error.code }
        let what = [error.title, error.message].compactMap { $0 }.joined(separator: ": ")
        return "the provider refused it (HTTP \(httpStatus ?? 0), error \(error.code)\(what.isEmpty ? "" : ": " + what))"
    }

    private func token(for channel: Channel) -> String? {
        channel.tokenEnv.flatMap { environment[$0] }
    }

    private func route(_ plan: ReplyPlan) -> ReplyRoute {
        ReplyRoute(
            identifierKind: plan.identifier.kind.rawValue, identifierValue: plan.identifier.value,
            reason: plan.reason, channel: plan.channel.name, provider: plan.channel.provider.rawValue)
    }

    /// A refusal for the compose line; a closed window offers the templates still allowed.
    private func refusal(_ refusal: Refusal, conversation: Conversation) -> ReplyRefusal {
        var templates: [String] = []
        if refusal.code == .serviceWindowClosed {
            templates = config.templates
                .filter { $0.category != TemplateCategory.authentication.rawValue || conversation.hasPhone }
                .map(\.name)
        }
        return ReplyRefusal(code: refusal.code.rawValue, message: refusal.message, templates: templates)
    }
}
