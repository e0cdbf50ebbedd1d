import Foundation
import Testing
@_spi(Testing) @testable import Store
@testable import TUI

/// Key → frame timings against a large store (SPEC §8), without a terminal: the store
/// queries, the update and the view, which is all a key costs besides ncurses' diffed copy.
/// Not a test: it only runs with SWITCHBOARD_BENCH_STORE=/path/to/store.sqlite and prints.
@Suite(.enabled(if: BenchmarkStore.path != nil, "set SWITCHBOARD_BENCH_STORE to run the inbox benchmark"))
struct InboxBenchmark {
    @Test func keyToFrame() throws {
        let path = try #require(BenchmarkStore.path)
        let clock = ContinuousClock()
        var opened: SQLiteStore?
        let openTime = try clock.measure { opened = try SQLiteStore(path: path) }
        let store = try #require(opened)
        let environment = InboxEnvironment(store: store, clock: { Date().timeIntervalSince1970 })
        let runner = EffectRunner(environment: environment, queue: EventQueue())
        var state = InboxState(size: TerminalSize(columns: 120, rows: 40), now: Date().timeIntervalSince1970, storeName: "bench")

        func dispatch(_ event: InboxEvent) { InboxRuntime.step(&state, event, perform: runner.perform) }
        var grid = ScreenGrid(width: 0, height: 0)
        let firstFrame = clock.measure {
            InboxRuntime.start(&state, perform: runner.perform)
            grid = InboxView.render(state)
        }
        #expect(grid.text.contains("Conversations"))

        let keys: [KeyEvent] = Array(repeating: .character("j"), count: 300) + [.pageDown, .pageDown, .character("G"), .character("k"), .character("g")]
            + Array(repeating: .pageDown, count: 100) + [.enter, .pageUp, .pageUp, .pageUp, .character("k"), .tab, .character("i"), .character("i"), .character("u"), .character("u")]
            + Array(repeating: .character("j"), count: 200) + [.character("G")] + Array(repeating: .character("k"), count: 200)
        var samples: [Duration] = []
        for key in keys {
            samples.append(clock.measure {
                dispatch(.key(key))
                grid = InboxView.render(state)
            })
        }
        samples.sort()
        let p50 = samples[samples.count / 2]
        let p99 = samples[samples.count * 99 / 100]
        let worst = samples.last ?? .zero

        let indexTime = try clock.measure { while try store.catchUpSearchIndex(batch: 50_000) > 0 {} }
        var hits = 0
        let searchTime = try clock.measure { hits = try store.searchMessages("order").count }
        let rss = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("VmRSS") }.map(String.init) ?? "?"
        print("""
            inbox benchmark (\(path)):
              open store \(openTime), first frame \(firstFrame)
              \(samples.count) keys: p50 \(p50), p99 \(p99), worst \(worst)
              search index catch-up \(indexTime); search "order" \(searchTime) (\(hits) hits)
              \(rss) (test process)
            """)
    }
}

enum BenchmarkStore {
    static let path = ProcessInfo.processInfo.environment["SWITCHBOARD_BENCH_STORE"]
}
