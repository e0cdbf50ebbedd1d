public import Foundation
public import Webhooks

/// Who is sending a reply, and until when that claim holds without renewal. A reply in
/// `sending` whose lease holder is gone is a crashed send (SPEC §9).
public struct SenderLease: Sendable, Hashable {
    public var host: String
    public var processID: Int32
    public var expiresAt: Date

    /// How long a claim holds without renewal; the sender renews it every `renewal`.
    public static let duration: TimeInterval = 60
    public static let renewal: TimeInterval = 15

    public init(host: String, processID: Int32, expiresAt: Date) {
        self.host = host
        self.processID = processID
        self.expiresAt = expiresAt
    }

    /// A lease for this process, from the wall clock (never `SWITCHBOARD_NOW`: leases are about
    /// processes, not about the inbox's time).
    public static func current(now: Date = Date()) -> SenderLease {
        SenderLease(host: hostName(), processID: getpid(), expiresAt: now.addingTimeInterval(duration))
    }

    public static func hostName() -> String {
        ProcessInfo.processInfo.hostName
    }

    /// Whether a process with that id runs on this host (signal 0 only checks). A zombie — a
    /// killed sender nobody reaped yet, common in containers — is gone.
    @Sendable public static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        // /proc/<pid>/stat: "pid (comm) S …"; the state follows the last ')'.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
        return state != "Z" && state != "X"
    }
}

extension ProviderError {
    /// A send whose sender stopped before the provider answered.
    public static let interrupted = ProviderError(
        code: "interrupted", title: "send interrupted",
        message: "may or may not have been delivered: the sender stopped before the provider answered; not resent")
}
