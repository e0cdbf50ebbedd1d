public import Config
public import Foundation
import Hummingbird
import Identity
import NIOCore
public import Logging
// A ServiceGroup shuts the server down gracefully in-process: cancelling the server task instead
// can trap in NIO when a connection is being accepted (apple/swift-nio#3481).
import ServiceLifecycle
import UnixSignals
public import Store

/// The live webhook receiver (SPEC §6) over one store: `switchboard serve`, or in-process
/// beside the inbox (`switchboard tui --listen PORT`, `demo`).
///
/// ```swift
/// let receiver = WebhookReceiver(store: store, config: config, logger: logger)
/// // Foreground, until SIGINT/SIGTERM:
/// try await receiver.run()
/// // Or in the background, on a free loopback port:
/// let running = try await receiver.start(port: 0)
/// print(running.baseURL)          // http://127.0.0.1:54321 — post to \(running.baseURL)/webhooks/meta
/// await running.stop()
/// ```
///
/// Secrets are read once, here, from the environment variables the channels name.
public final class WebhookReceiver: Sendable {
    /// `[server]` of the config: default host and port, and the body size limit.
    public let settings: ServerSettings
    private let store: any InboxStore
    private let channels: ChannelDirectory
    private let secrets: ChannelSecrets
    private let logger: Logger
    /// A connection that sends nothing for this long is closed, so idle and slow clients
    /// cannot hold the receiver's connections (slowloris).
    private let idleTimeout: Duration
    /// Open connections beyond this are answered 503 and closed.
    private let connections: ConnectionCounter
    /// A request's head must arrive within this (of the connection or the previous response);
    /// its body within `bodyDeadline` of the head.
    private let headDeadline: Duration
    private let bodyDeadline: Duration

    /// - Parameters:
    ///   - environment: where `webhook_secret_env` / `verify_token_env` are looked up.
    ///   - idleTimeout: how long a connection may stay silent before it is closed.
    ///   - headDeadline, bodyDeadline: how long a client may take to send a request's head, its body.
    public init(store: any InboxStore, config: SwitchboardConfig, logger: Logger,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                idleTimeout: Duration = .seconds(15), maxConnections: Int? = nil,
                headDeadline: Duration = .seconds(10), bodyDeadline: Duration = .seconds(30)) {
        self.idleTimeout = idleTimeout
        self.headDeadline = headDeadline
        self.bodyDeadline = bodyDeadline
        self.connections = ConnectionCounter(limit: maxConnections ?? ConnectionCounter.defaultLimit())
        self.settings = config.server
        self.store = store
        self.channels = config.directory
        self.secrets = ChannelSecrets(channels: config.channels, environment: environment)
        self.logger = logger
    }

    /// Configuration problems, one line each (a secret variable that is not set). They are
    /// also logged as warnings whenever the receiver starts.
    public var configurationWarnings: [String] { secrets.problems }

    /// Serves in the foreground until SIGINT or SIGTERM, then stops accepting connections,
    /// lets the requests in flight finish (each answered after its commit) and returns.
    /// - Parameters:
    ///   - host: defaults to `[server] host`.
    ///   - port: defaults to `[server] port`; 0 picks a free port.
    ///   - onListening: called with the bound port once the socket listens.
    public func run(host: String? = nil, port: Int? = nil,
                    onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let application = makeApplication(host: host, port: port, onListening: onListening)
        let group = ServiceGroup(configuration: .init(
            services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        logger.info("receiver stopped")
    }

    /// Starts serving in a background task and returns once the socket is bound. Signals are
    /// left to the host process; call ``RunningReceiver/stop()`` to shut down.
    /// - Throws: if the address cannot be bound.
    public func start(host: String? = nil, port: Int? = nil) async throws -> RunningReceiver {
        let (bound, announce) = AsyncStream.makeStream(of: Int.self)
        let application = makeApplication(host: host, port: port) { port in
            announce.yield(port)
        }
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let task = Task<Result<Void, any Error>, Never> {
            // `finish` wakes `start` if the server ends before listening (e.g. the port is taken).
            defer { announce.finish() }
            do {
                try await group.run()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        for await port in bound {
            return RunningReceiver(host: host ?? settings.host, port: port, group: group, task: task)
        }
        if case .failure(let error) = await task.value { throw error }
        throw ReceiverStoppedBeforeListening()
    }

    private func makeApplication(host: String?, port: Int?,
                                 onListening: @escaping @Sendable (Int) async -> Void) -> some Service {
        let router = Router(context: ReceiverRequestContext.self)
        let metrics = ReceiverMetrics()
        router.add(middleware: RequestLogMiddleware(logger: logger, metrics: metrics))
        let routes = WebhookRoutes(
            channels: channels, secrets: secrets,
            writer: GroupCommitWriter(store: store, channels: channels, metrics: metrics),
            maxBodyBytes: settings.maxBodyBytes, metrics: metrics, logger: logger)
        routes.register(on: router)
        metrics.register(on: router)
        let logger = logger
        let connections = connections
        let headDeadline = headDeadline
        let bodyDeadline = bodyDeadline
        let warnings = secrets.problems
        let storePath = store.location
        return Application(
            router: router,
            server: .http1(configuration: .init(
                additionalChannelHandlers: [
                    ConnectionLimitHandler(counter: connections),
                    RequestDeadlineHandler(head: TimeAmount(headDeadline), body: TimeAmount(bodyDeadline)),
                ],
                idleTimeout: TimeAmount(idleTimeout))),
            configuration: .init(address: .hostname(host ?? settings.host, port: port ?? settings.port)),
            onServerRunning: { channel in
                for warning in warnings { logger.warning("\(warning)") }
                let port = channel.localAddress?.port ?? 0
                logger.info("receiving webhooks", metadata: ["port": "\(port)", "store": "\(storePath)"])
                await onListening(port)
            },
            logger: logger)
    }
}

/// A receiver started with ``WebhookReceiver/start(host:port:)``.
public final class RunningReceiver: Sendable {
    /// The address it listens on.
    public let host: String
    /// The bound port (the real one when 0 was asked for).
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Result<Void, any Error>, Never>

    init(host: String, port: Int, group: ServiceGroup, task: Task<Result<Void, any Error>, Never>) {
        self.host = host
        self.port = port
        self.group = group
        self.task = task
    }

    /// `http://host:port`: webhooks go to `\(baseURL)/webhooks/<provider or channel>`.
    public var baseURL: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    /// Stops gracefully: the listening socket closes, requests in flight finish (committed,
    /// then answered), idle connections close, and then this returns. Safe to call more than once.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.value
    }
}

/// The server task ended before its socket listened.
struct ReceiverStoppedBeforeListening: Error, CustomStringConvertible {
    var description: String { "the webhook receiver stopped before it was listening" }
}
