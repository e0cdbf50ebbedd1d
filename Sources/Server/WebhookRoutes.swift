import JSON
import Foundation
import Hummingbird
import Identity
import Logging
import Store
import Webhooks

/// The receiver's routes (SPEC §6):
///
/// * `POST /webhooks/<provider|channel>`: verify, decode, commit, then answer.
/// * `GET /webhooks/<provider|channel>`: Meta's `hub.mode=subscribe` verification.
/// * `OPTIONS /webhooks/<provider|channel>`: the CloudEvents (Event Grid) abuse-protection handshake.
/// * `HEAD /webhooks/<provider|channel>`: reachability check (Webex Connect wants a 200 before saving a URL).
/// * `GET /healthz`.
struct WebhookRoutes: Sendable {
    typealias Context = ReceiverRequestContext

    let channels: ChannelDirectory
    let secrets: ChannelSecrets
    let writer: GroupCommitWriter
    let maxBodyBytes: Int
    let metrics: ReceiverMetrics
    let logger: Logger

    private var authenticator: WebhookAuthenticator { WebhookAuthenticator(channels: channels, secrets: secrets) }

    func register(on router: Router<Context>) {
        router.get("healthz") { _, _ in
            ReceiverResponse.json(.ok, ["ok": .bool(true)])
        }
        router.post("webhooks/:target") { request, context in
            try await receive(request, context: context)
        }
        router.get("webhooks/:target") { request, context in
            verifySubscription(request, context: context)
        }
        router.on("webhooks/:target", method: .options) { request, context in
            cloudEventsHandshake(request, context: context)
        }
        router.head("webhooks/:target") { _, context in
            guard target(context) != nil else { return Response(status: .notFound) }
            return Response(status: .ok)
        }
    }

    // MARK: POST

    private func receive(_ request: Request, context: Context) async throws -> Response {
        guard let target = target(context) else { return unknownTarget(context) }
        context.notes.record("provider", target.provider.rawValue)
        if let name = target.channelName { context.notes.record("channel", name) }

        // Refuse early on a declared length, before reading anything.
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > readLimit {
            return tooLarge(context)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: readLimit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return tooLarge(context)
        }
        let headers = Self.headerDictionary(request.headers)
        let raw = RawWebhook(
            body: Array(buffer.readableBytesView), provider: target.provider, channelName: target.channelName,
            receivedAt: Date(), headers: headers)
        // Hashing and decoding run here, on the request's task, in parallel with the writer's commits.
        let webhook = PreparedWebhook(raw)

        if let refusal = authenticator.authenticate(webhook, headers: headers, target: target,
                                                    query: Self.queryDictionary(request)) {
            guard raw.body.count <= maxBodyBytes else { return tooLarge(context) }
            context.notes.record("outcome", "unauthorized")
            return ReceiverResponse.failure(.unauthorized, refusal.description)
        }
        if raw.body.count > maxBodyBytes {
            return await quarantineOversized(raw, context: context)
        }
        if case .success(let decoded) = webhook.decoded, let handshake = decoded.webhook.handshake {
            return answer(handshake, context: context)
        }

        let outcome: IngestOutcome
        do {
            outcome = try await writer.ingest(webhook)
        } catch {
            // Not committed, so not acknowledged: the provider retries, and the retry is deduplicated.
            context.notes.record("outcome", "store_error")
            logger.error("webhook not stored", metadata: ["route": "\(request.uri.path)", "error": "\(error)"])
            return ReceiverResponse.failure(.serviceUnavailable, "the webhook could not be stored; retry later")
        }
        switch outcome {
        case .ingested(let applied, let skipped):
            context.notes.record("outcome", "ingested")
            metrics.record(.ingested)
            return ReceiverResponse.json(.ok, ["ok": .bool(true), "outcome": .string("ingested"),
                                               "applied": .number(String(applied)), "skipped": .number(String(skipped))])
        case .duplicate:
            context.notes.record("outcome", "duplicate")
            metrics.record(.duplicate)
            return ReceiverResponse.json(.ok, ["ok": .bool(true), "outcome": .string("duplicate")])
        case .quarantined(let reason):
            context.notes.record("outcome", "quarantined")
            metrics.record(.quarantined)
            return ReceiverResponse.json(.badRequest, ["ok": .bool(false), "error": .string("quarantined"),
                                                       "reason": .string(reason)])
        case .handshake(let handshake):
            return answer(handshake, context: context)
        case .ignored(let reason):
            context.notes.record("outcome", "ignored")
            metrics.record(.ignored)
            return ReceiverResponse.json(.ok, ["ok": .bool(true), "outcome": .string("ignored"), "reason": .string(reason)])
        }
    }

    private func answer(_ handshake: Handshake, context: Context) -> Response {
        switch handshake {
        case .eventGridValidation(let code):
            context.notes.record("outcome", "subscription_validation")
            return ReceiverResponse.json(.ok, ["validationResponse": .string(code)])
        }
    }

    /// Bodies up to this size are read whole, so one over `max_body_bytes` can still be
    /// verified: an authentic one is quarantined (its first bytes and its size), never lost;
    /// anything unauthenticated or larger is refused without storing a byte.
    private var readLimit: Int { maxBodyBytes.multipliedReportingOverflow(by: 4).overflow ? Int.max : maxBodyBytes * 4 }

    private func tooLarge(_ context: Context) -> Response {
        // Nothing is stored: the body was not read whole or not verified, so it is not kept.
        context.notes.record("outcome", "too_large")
        return ReceiverResponse.failure(.contentTooLarge, "body exceeds max_body_bytes (\(maxBodyBytes))")
    }

    /// A verified body over the limit: kept in quarantine (first bytes and size), then 413.
    private func quarantineOversized(_ raw: RawWebhook, context: Context) async -> Response {
        do {
            _ = try await writer.ingest(.oversized(raw, limit: maxBodyBytes))
        } catch {
            context.notes.record("outcome", "store_error")
            return ReceiverResponse.failure(.serviceUnavailable, "the webhook could not be stored; retry later")
        }
        context.notes.record("outcome", "quarantined")
        metrics.record(.quarantined)
        return ReceiverResponse.json(.contentTooLarge, ["ok": .bool(false), "error": .string("too_large"),
                                                        "reason": .string("body exceeds max_body_bytes (\(maxBodyBytes)); quarantined")])
    }

    // MARK: GET (Meta verification)

    /// Answers `hub.challenge` when `hub.verify_token` matches the verify token of the route's
    /// channel (or of any channel of the route's provider).
    private func verifySubscription(_ request: Request, context: Context) -> Response {
        guard let target = target(context) else { return unknownTarget(context) }
        context.notes.record("provider", target.provider.rawValue)
        let query = Self.queryDictionary(request)
        guard query["hub.mode"] == "subscribe", let challenge = query["hub.challenge"] else {
            return ReceiverResponse.failure(.badRequest, "expected hub.mode=subscribe, hub.verify_token and hub.challenge")
        }
        let candidates: [Channel] = switch target {
        case .channel(let channel): [channel]
        case .provider(let provider): channels.channels.filter { $0.provider == provider }
        }
        let given = query["hub.verify_token"] ?? ""
        // Every candidate is compared, so the time taken does not tell which channel matched.
        var matched = false
        for token in candidates.compactMap(secrets.verifyToken) where SignatureEncoding.tokensMatch(given, token) {
            matched = true
        }
        guard matched else {
            context.notes.record("outcome", "verification_refused")
            return ReceiverResponse.failure(.forbidden, "verify token does not match")
        }
        context.notes.record("outcome", "verified")
        return ReceiverResponse.text(.ok, challenge)
    }

    // MARK: OPTIONS (CloudEvents handshake)

    /// CloudEvents 1.0 webhook validation: echo the requesting origin in `WebHook-Allowed-Origin`.
    private func cloudEventsHandshake(_ request: Request, context: Context) -> Response {
        guard target(context) != nil else { return unknownTarget(context) }
        guard let origin = Self.headerDictionary(request.headers)["webhook-request-origin"], !origin.isEmpty else {
            return ReceiverResponse.failure(.badRequest, "expected a WebHook-Request-Origin header")
        }
        context.notes.record("outcome", "cloudevents_handshake")
        var headers: HTTPFields = [.allow: "POST, OPTIONS"]
        if let allowedOrigin = HTTPFields.Element.Name("WebHook-Allowed-Origin") { headers[allowedOrigin] = origin }
        if let allowedRate = HTTPFields.Element.Name("WebHook-Allowed-Rate") { headers[allowedRate] = "*" }
        return Response(status: .ok, headers: headers)
    }

    // MARK: Request parts

    private func target(_ context: Context) -> RouteTarget? {
        context.parameters.get("target").flatMap { RouteTarget.resolve($0, channels: channels) }
    }

    private func unknownTarget(_ context: Context) -> Response {
        let name = context.parameters.get("target") ?? ""
        return ReceiverResponse.failure(.notFound, "no provider or channel named \"\(name)\"")
    }

    /// Header names in lower case; repeated headers joined with ", " as HTTP allows.
    static func headerDictionary(_ fields: HTTPFields) -> [String: String] {
        var headers: [String: String] = [:]
        for field in fields {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        return headers
    }

    /// Query parameters, percent-decoded; the first of repeated names wins.
    static func queryDictionary(_ request: Request) -> [String: String] {
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters where query[String(key)] == nil {
            query[String(key)] = String(value)
        }
        return query
    }
}
