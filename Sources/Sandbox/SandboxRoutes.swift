import Foundation
import Hummingbird
import Identity
import JSON
import Webhooks

/// The sandbox's HTTP routes. Point a channel's `send_url` (and Connectly's `template_url`)
/// at them; `<key>` is the channel's id, number or name:
///
/// | provider  | send_url                                              |
/// |-----------|-------------------------------------------------------|
/// | meta      | `http://HOST:PORT/meta/<key>/messages`                |
/// | kapso     | `http://HOST:PORT/kapso/<key>/messages`               |
/// | sinch     | `http://HOST:PORT/sinch/<key>/messages`               |
/// | azure     | `http://HOST:PORT/azure/<key>/messages`               |
/// | connectly | `http://HOST:PORT/connectly/<key>/send/messages` and (`template_url`) `…/send/whatsapp_templated_messages` |
/// | webex     | `http://HOST:PORT/webex/<key>/messages`               |
///
/// Also `GET /healthz`, `GET /sandbox/sends` (accepted sends as JSON) and
/// `POST /sandbox/faults` with `{"statuses": [503, …]}` (the next sends fail with those).
enum SandboxRoutes {
    static let maxBody = 1 << 20

    static func router(configuration: SandboxConfiguration, ledger: SandboxLedger) -> Router<BasicRequestContext> {
        let router = Router()
        let handler = SendHandler(configuration: configuration, ledger: ledger)
        for provider in ProviderKind.allCases where provider != .connectly {
            router.post("\(provider.rawValue)/:key/messages") { request, context in
                try await handler.handle(provider: provider, endpoint: "messages", request: request, context: context)
            }
        }
        for endpoint in ["messages", ConnectlySandbox.templatedEndpoint] {
            router.post("connectly/:key/send/\(endpoint)") { request, context in
                try await handler.handle(provider: .connectly, endpoint: endpoint, request: request, context: context)
            }
        }
        router.get("healthz") { _, _ in "ok\n" }
        router.get("sandbox/sends") { _, _ in
            let sends = await ledger.sends.map { send -> JSONValue in
                ["provider": .string(send.provider.rawValue), "message_id": .string(send.messageID),
                 "recipient": ["kind": .string(send.recipient.kind.rawValue), "value": .string(send.recipient.value)],
                 "body": send.body]
            }
            return SendHandler.json(200, .array(sends))
        }
        router.post("sandbox/faults") { request, _ in
            var request = request
            let bytes = try await request.collectBody(upTo: maxBody)
            let body = try? JSONParser.parse(Array(bytes.readableBytesView))
            let statuses = (body?["statuses"].array ?? []).compactMap { $0.int64.map(Int.init) }
            await ledger.injectFailures(statuses)
            return SendHandler.json(200, ["injected": .int(statuses.count)])
        }
        return router
    }
}

/// Handles one send request: checks it like the provider, answers like the provider, then
/// posts the status webhooks.
struct SendHandler: Sendable {
    let configuration: SandboxConfiguration
    let ledger: SandboxLedger

    func handle(provider: ProviderKind, endpoint: String, request: Request, context: BasicRequestContext)
        async throws -> Response {
        var request = request
        let key = context.parameters.get("key") ?? ""
        let business = SandboxBusiness.resolve(key: key, provider: provider, channels: configuration.channels)
        let idempotencyKey = request.headers.first { $0.name.canonicalName == "idempotency-key" }?.value
        if let previous = await ledger.answer(forKey: idempotencyKey) {
            return Self.json(previous.status, previous.body)
        }
        if let failure = await ledger.takeInjectedFailure() {
            return Self.json(failure, ["error": [
                "code": .int(failure), "message": "sandbox: injected failure", "type": "SandboxFault",
            ]])
        }
        let bytes = try await request.collectBody(upTo: SandboxRoutes.maxBody)
        guard let body = try? JSONParser.parse(Array(bytes.readableBytesView)) else {
            return Self.json(400, ["error": ["code": 100, "message": "request body is not valid JSON"]])
        }
        let shape = SandboxShapes.shape(for: provider)
        switch shape.check(body: body, endpoint: endpoint, business: business) {
        case .rejected(let status, let error):
            return Self.json(status, error)
        case .accepted(let recipient):
            let messageID = shape.newMessageID()
            let answer = SandboxAnswer(status: 200, body: shape.acceptedResponse(messageID: messageID, recipient: recipient))
            await ledger.record(
                SandboxSend(provider: provider, business: business, recipient: recipient, messageID: messageID, body: body),
                answer: answer, key: idempotencyKey)
            let channel = configuration.channels.first {
                $0.provider == provider && ($0.id == key || $0.number == key || $0.name == key)
            }?.name
            startStatusWebhooks(provider: provider, channel: channel, messageID: messageID,
                                recipient: recipient, business: business)
            return Self.json(answer.status, answer.body)
        }
    }

    /// Posts sent → delivered → read in order, after the answer has gone out.
    private func startStatusWebhooks(provider: ProviderKind, channel: String?,
                                     messageID: String, recipient: Identifier, business: SandboxBusiness) {
        guard let sink = configuration.sink else { return }
        let configuration = configuration
        let ledger = ledger
        Task {
            let shape = SandboxShapes.shape(for: provider)
            for status in configuration.statuses {
                if configuration.statusDelay > .zero { try? await Task.sleep(for: configuration.statusDelay) }
                let (body, headers) = shape.statusWebhook(status, messageID: messageID, recipient: recipient,
                                                          business: business, at: configuration.now())
                let webhook = StatusWebhook(provider: provider, channel: channel, status: status,
                                            messageID: messageID, body: body, headers: headers)
                do {
                    try await sink(webhook)
                    await ledger.recordDelivery(webhook)
                } catch {
                    await ledger.recordDeliveryError("\(provider.rawValue) \(status.rawValue) \(messageID): \(error)")
                }
            }
        }
    }

    static func json(_ status: Int, _ body: JSONValue) -> Response {
        Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body.serialized())))
    }
}
