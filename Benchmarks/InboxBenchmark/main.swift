// Key → frame timings of the inbox against a large store (SPEC §8), in the release build:
// the store queries, the update and the view — everything a key costs besides ncurses'
// diffed copy of the grid. Run by bench/inbox.sh; prints one table.
//
//   inbox-benchmark STORE.sqlite [--operator NAME]
import Foundation
import Store
import TUI

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: inbox-benchmark STORE.sqlite\n".utf8))
    exit(2)
}
let path = arguments[1]
let clock = ContinuousClock()

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}
func rssMegabytes() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return "?" }
    return String(format: "%.0f MB", kb / 1024)
}
func row(_ name: String, _ samples: [Duration], target: String) {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return }
    let p50 = milliseconds(sorted[sorted.count / 2])
    let p99 = milliseconds(sorted[min(sorted.count - 1, sorted.count * 99 / 100)])
    print(String(format: "  %-22@ %6d keys  p50 %7.2f ms  p99 %7.2f ms  (target %@)", name as NSString, sorted.count, p50, p99, target as NSString))
}

/// Everything in one nonisolated function: the inbox is a value driven from here alone.
func benchmark(_ path: String) throws {
    var store: SQLiteStore?
    let open = try clock.measure { store = try SQLiteStore(path: path) }
    guard let store else { return }
    let counts = try store.counts()
    let environment = InboxEnvironment(store: store, clock: { Date().timeIntervalSince1970 }, operatorName: "bench")
    var inbox = HeadlessInbox(environment: environment, size: TerminalSize(columns: 120, rows: 40))
    let first = clock.measure { inbox.start() }

    // INBOX_BENCH_SLOW=MS prints every key slower than that (what to profile).
    let slow = ProcessInfo.processInfo.environment["INBOX_BENCH_SLOW"].flatMap(Double.init)
    func run(_ keys: [KeyEvent]) -> [Duration] {
        keys.enumerated().map { index, key in
            let took = clock.measure { inbox.press(key) }
            if let slow, milliseconds(took) > slow { print("  slow: #\(index) \(key.name) \(String(format: "%.1f", milliseconds(took))) ms") }
            return took
        }
    }
    let list = run(Array(repeating: .character("j"), count: 300) + [.pageDown, .pageDown, .character("G"), .character("g")]
                   + Array(repeating: .pageDown, count: 100) + Array(repeating: .character("k"), count: 100) + [.character("g")])
    let views = run(Array(repeating: .character("v"), count: 12) + [.character("]"), .character("]"), .character("["), .character("u"), .character("u")])
    _ = run([.enter])
    let pane = run(Array(repeating: .character("k"), count: 200) + Array(repeating: .pageUp, count: 60) + [.character("g"), .character("G")]
                   + Array(repeating: .pageDown, count: 20))
    _ = run([.tab])
    let moves = list + views + pane
    // The floor of a frame: drawing the same state again, with no store query at all.
    let state = inbox.state
    let render = (0..<moves.count).map { _ in clock.measure { _ = InboxView.render(state) } }

    // INBOX_BENCH_KEYS_ONLY=1: keys only (for a profile of the key path).
    if ProcessInfo.processInfo.environment["INBOX_BENCH_KEYS_ONLY"] != nil {
        row("all moves", moves, target: "p99 < 10 ms")
        return
    }
    let index = try clock.measure { while try store.catchUpSearchIndex(batch: 50_000) > 0 {} }
    var hits = 0
    var searches: [Duration] = []
    // Words in every message, in none, prefixes, two words, and a one-digit prefix (which
    // begins more words than search expands, so FTS5's prefix query answers it).
    let queries = ["order", "lamp", "shipping", "thanks", "refund", "customer 42", "way", "mess", "ord", "is my order", "5"]
    for word in queries {
        searches.append(try clock.measure { hits += try store.searchMessages(word).count })
    }
    var found = 0
    var finds: [Duration] = []
    for text in ["customer 4", "+1 555", "US.1", "@user", "nobody at all"] {
        finds.append(try clock.measure { found += try store.findConversations(matching: text, limit: 50).count })
    }
    print("""
        inbox benchmark, release build: \(path)
          store: \(counts.conversations) conversations, \(counts.messages) messages
          open store \(String(format: "%.1f", milliseconds(open))) ms · first frame \(String(format: "%.1f", milliseconds(first))) ms (target < 150 ms)
        """)
    row("list moves (j/k/pg/g/G)", list, target: "p99 < 10 ms")
    row("views and unread jumps", views, target: "p99 < 10 ms")
    row("message pane scrolling", pane, target: "p99 < 10 ms")
    row("all moves", moves, target: "p99 < 10 ms")
    row("floor: render only", render, target: "the ceiling of the above")
    row("search (\(queries.count) queries)", searches, target: "< 50 ms")
    row("find by name/phone/BSUID", finds, target: "< 50 ms")
    print("  search index catch-up \(String(format: "%.0f", milliseconds(index))) ms (\(hits) hits) · peak RSS \(rssMegabytes()) (target < 60 MB)")
}

do {
    try benchmark(path)
} catch {
    FileHandle.standardError.write(Data("inbox-benchmark: \(error)\n".utf8))
    exit(1)
}
