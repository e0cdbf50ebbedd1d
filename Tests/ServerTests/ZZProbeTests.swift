import Testing
import Foundation

@Test func zzProbeStop() async throws {
    try await ReceiverFixture.with { fixture in
        let bodies = (0..<80).map { _ in Bodies.meta() }
        let t0 = Date()
        let outcomes = await withTaskGroup(of: String.self) { group in
            for body in bodies {
                group.addTask {
                    do {
                        let r = try await fixture.postSigned(body, for: TestChannels.support, to: "/webhooks/meta")
                        return "\(r.status) at \(Date().timeIntervalSince(t0))"
                    } catch { return "error \(error) at \(Date().timeIntervalSince(t0))" }
                }
            }
            var outcomes: [String] = []
            if let first = await group.next() { outcomes.append(first) }
            print("PROBE stopping at", Date().timeIntervalSince(t0))
            await fixture.running.stop()
            print("PROBE stopped at", Date().timeIntervalSince(t0))
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        for o in outcomes { print("PROBE", o) }
    }
}
