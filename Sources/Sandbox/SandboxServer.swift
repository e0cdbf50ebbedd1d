import Foundation
import Hummingbird
import Logging
import NIOCore

/// A local stand-in for every provider's send API: accepts requests in each provider's
/// shape, checks the identifier fields like the real service, answers with a message id and
/// posts status webhooks back (see `SandboxRoutes` for the URLs).
public enum SandboxServer {
    /// Runs until cancelled. `onRunning` receives the bound port (useful with port 0).
    public static func run(_ configuration: SandboxConfiguration, ledger: SandboxLedger = SandboxLedger(),
                           onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "switchboard.sandbox")
        logger.logLevel = .critical  // shutdown by cancellation logs spurious errors
        let app = Application(
            router: SandboxRoutes.router(configuration: configuration, ledger: ledger),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "switchboard-sandbox"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
        try await app.run()
    }

    /// Starts the sandbox in a background task (for `demo` and tests) and returns once it listens.
    public static func start(_ configuration: SandboxConfiguration) async throws -> RunningSandbox {
        let ledger = SandboxLedger()
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            do {
                try await run(configuration, ledger: ledger) { port in continuation.yield(port) }
            } catch {
                continuation.finish()
                throw error
            }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            throw SandboxStartError(host: configuration.host, port: configuration.port)
        }
        continuation.finish()
        return RunningSandbox(host: configuration.host, port: port, ledger: ledger, task: task)
    }
}

/// A sandbox started in-process.
public struct RunningSandbox: Sendable {
    public let host: String
    public let port: Int
    public let ledger: SandboxLedger
    let task: Task<Void, any Error>

    /// `http://HOST:PORT`, the prefix of every route.
    public var baseURL: String { "http://\(host):\(port)" }

    /// Stops the server (graceful shutdown of the service group).
    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// The sandbox did not come up (address in use, bad host).
public struct SandboxStartError: Error, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var description: String { "sandbox could not listen on \(host):\(port)" }
}
