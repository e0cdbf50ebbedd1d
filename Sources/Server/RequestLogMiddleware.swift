import Hummingbird
import Logging

/// One log line per request: method, path (never the query: it can hold the Meta verify
/// token or the Azure secret), provider, channel, outcome, status and milliseconds. Headers
/// are never logged (they carry signatures).
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ReceiverRequestContext
    let logger: Logger
    let metrics: ReceiverMetrics

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status.code, start: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, context: context, status: error.status.code, start: start)
            throw error
        } catch {
            log(request, context: context, status: 500, start: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        metrics.request(route: ReceiverMetrics.route(of: request.uri.path), status: status)
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)",
            "route": "\(request.uri.path)",
            "status": "\(status)",
            "ms": "\(Self.milliseconds(elapsed))",
        ]
        for (key, value) in context.notes.all { metadata[key] = "\(value)" }
        logger.info("request", metadata: metadata)
    }

    /// Milliseconds with two decimals, as text.
    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let hundredths = seconds * 100_000 + attoseconds / 10_000_000_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
