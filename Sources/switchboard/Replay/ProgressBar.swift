import Foundation

/// A one-line progress bar on standard error, drawn only when it is a terminal.
struct ProgressBar {
    let totalBytes: Int
    let enabled: Bool
    private var lastDraw = Date.distantPast
    private let started = Date()

    init(totalBytes: Int) {
        self.totalBytes = max(totalBytes, 1)
        self.enabled = isatty(STDERR_FILENO) == 1
    }

    mutating func update(bytes: Int, webhooks: Int, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let fraction = min(1, Double(bytes) / Double(totalBytes))
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = Double(webhooks) / max(now.timeIntervalSince(started), 0.001)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(format: "\r%@ %3.0f%%  %d webhooks  %.0f/s", bar, fraction * 100, webhooks, rate)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
