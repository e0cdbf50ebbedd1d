import Webhooks
import Identity
import Config
import Foundation
import Outbound
import Store

/// Replies written to the outbox by a process that stopped before sending them: `serve` and
/// `tui` send them when they start (SPEC §9). Interrupted sends are never among them — the
/// store marks those failed when it opens.
enum QueuedReplies {
    /// Sends every queued reply in the background; `report` gets one line per reply.
    static func sendInBackground(store: any InboxStore, config: SwitchboardConfig,
                                 report: @escaping @Sendable (String) -> Void) {
        let environment = ProcessInfo.processInfo.environment
        let directory = config.directory
        Task.detached {
            let outbox = ReplyOutbox(store: store)
            do {
                let deliveries = try await outbox.sendQueued { channel in
                    directory.named(channel)?.tokenEnv.flatMap { environment[$0] }
                }
                for delivery in deliveries {
                    switch delivery.result {
                    case .accepted(let id, _)?: report("sent queued reply \(delivery.entryID) (\(id ?? "no provider id"))")
                    case .failed(let error, let status)?:
                        report("queued reply \(delivery.entryID) failed: \(status.map { "HTTP \($0) " } ?? "")\(error.code)")
                    case nil: break
                    }
                }
            } catch {
                report("cannot send queued replies: \(error)")
            }
        }
    }
}
