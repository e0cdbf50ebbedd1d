import Testing
import Foundation
import AsyncHTTPClient
import Server
import Store
import Config

@Test func stoppedReceiverProbeTiming() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString).sqlite").path
    let store = try InboxStore(path: path)
    let receiver = WebhookReceiver(store: store, config: SwitchboardConfig(channels: TestChannels.all), logger: LogCapture().logger)
    let running = try await receiver.start(host: "127.0.0.1", port: 0)
    _ = try await ReceiverFixtureProbe.get(running.baseURL + "/healthz")
    let t0 = Date()
    await running.stop()
    print("PROBE stop took", Date().timeIntervalSince(t0))
    let t1 = Date()
    do { _ = try await ReceiverFixtureProbe.get(running.baseURL + "/healthz") } catch { print("PROBE get error", error) }
    print("PROBE get took", Date().timeIntervalSince(t1))
}
