import Hummingbird
import Prometheus

/// What `GET /metrics` exposes (Prometheus text format): requests by route and status,
/// webhooks by outcome, and how long each group commit took — the same on either backend.
struct ReceiverMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let acknowledged: Counter
    private let duplicates: Counter
    private let quarantined: Counter
    private let ignored: Counter
    private let commit: DurationHistogram

    init() {
        acknowledged = registry.makeCounter(descriptor: Self.name(
            "webhooks_acknowledged", "total", "Webhooks committed and answered 200 (ingested, duplicate or ignored)"))
        duplicates = registry.makeCounter(descriptor: Self.name("webhooks_duplicate", "total", "Webhooks already in the raw log"))
        quarantined = registry.makeCounter(descriptor: Self.name("webhooks_quarantined", "total", "Webhooks kept in quarantine"))
        ignored = registry.makeCounter(descriptor: Self.name("webhooks_ignored", "total", "Valid webhooks with nothing for the inbox"))
        commit = registry.makeDurationHistogram(
            descriptor: Self.name("commit", "seconds", "Time to write and commit one group of webhooks"),
            buckets: [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5)])
    }

    func request(route: String, status: Int) {
        registry.makeCounter(descriptor: Self.name("http_requests", "total", "HTTP requests by route and status"),
                             labels: [("route", route), ("status", String(status))]).increment()
    }

    func record(_ outcome: IngestOutcomeKind) {
        switch outcome {
        case .ingested: acknowledged.increment()
        case .duplicate: acknowledged.increment(); duplicates.increment()
        case .ignored: acknowledged.increment(); ignored.increment()
        case .quarantined: quarantined.increment()
        }
    }

    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "switchboard", metricName: metric, unitName: unit, helpText: help)
    }

    func recordCommit(_ duration: Duration) { commit.record(duration) }

    /// The route template a path belongs to (never the raw path: labels stay few).
    static func route(of path: String) -> String {
        if path.hasPrefix("/webhooks/") { return "/webhooks/:target" }
        if path == "/healthz" || path == "/metrics" { return path }
        return "other"
    }

    func register(on router: Router<ReceiverRequestContext>) {
        let registry = registry
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}

/// An ingest outcome without its details, for counting.
enum IngestOutcomeKind {
    case ingested, duplicate, ignored, quarantined
}
