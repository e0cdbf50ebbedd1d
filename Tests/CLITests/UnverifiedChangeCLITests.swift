import Foundation
import Testing

/// Issue "Hardening" 2: with Assets/config.toml (support signed, sales not), a number change
/// posted through sales must not redirect replies on support; the operator applies it.
@Suite("Unverified identity changes (CLI)")
struct UnverifiedChangeCLITests {
    static let fixtures = "Tests/CLITests/Fixtures/"
    static let environment = ["SWITCHBOARD_NOW": "2026-11-20T11:05:00Z"]

    @Test func aForgedNumberChangeIsHeldUntilTheOperatorAppliesIt() throws {
        let store = CLIRun.temporaryStore()
        let replay = try CLIRun.sample(store, ["replay", Self.fixtures + "support-rosa.json",
                                               Self.fixtures + "sales-forged-number-change.json"], environment: Self.environment)
        #expect(replay.status == 0, "\(replay.stderr)")

        let plan = try CLIRun.sample(store, ["reply", "--to", "16505550100", "--channel", "support", "--text", "hi",
                                             "--dry-run", "--json"], environment: Self.environment)
        let planned = try #require(try plan.json() as? [String: Any])
        #expect((planned["identifier"] as? [String: Any])?["value"] as? String == "16505550100")
        #expect(try CLIRun.sample(store, ["show", "16505559666"], environment: Self.environment).status != 0)

        let show = try CLIRun.sample(store, ["show", "16505550100"], environment: Self.environment)
        #expect(show.stdout.contains("#1 phone 16505550100 → 16505559666 via sales (unsigned)"), "\(show.stdout)")
        let json = try #require(try CLIRun.sample(store, ["show", "16505550100", "--json"], environment: Self.environment).json() as? [String: Any])
        #expect((json["unverified_changes"] as? [[String: Any]])?.first?["channel"] as? String == "sales")

        let apply = try CLIRun.sample(store, ["apply-change", "1"], environment: Self.environment)
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("applied change #1"))
        let moved = try CLIRun.sample(store, ["reply", "--to", "16505550100", "--channel", "support", "--text", "hi",
                                              "--dry-run", "--json"], environment: Self.environment)
        let after = try #require(try moved.json() as? [String: Any])
        #expect((after["identifier"] as? [String: Any])?["value"] as? String == "16505559666")
        let again = try CLIRun.sample(store, ["apply-change", "1"], environment: Self.environment)
        #expect(again.status == 1)
        #expect(again.stderr.contains("no unverified change #1"))
    }
}
