import Config
import Foundation
import Identity
import JSON
import Outbound
import Store
import Webhooks

/// `continuity --send TEMPLATE`: the template, by phone only, to every at-risk contact, one at a
/// time through the outbox, refusing what the plan refuses (a marketing opt-out, …).
struct ContinuitySend {
    let context: CommandContext
    let template: TemplateMessage
    let dryRun: Bool

    struct Tally {
        var sent = 0
        var refused = 0
        var failed = 0
        var reports: [JSONValue] = []
    }

    /// The channel to send on: the contact's most recent conversation on a number of the portfolio.
    func channel(for row: ContinuityReport.Row) throws -> Channel? {
        let numbers = context.config.channels.filter { $0.portfolio == row.portfolio }
        for conversation in try context.store.conversations(contact: row.contact.id) {
            if let found = numbers.first(where: { $0.name == conversation.channel }) { return found }
        }
        return numbers.first
    }

    func send(_ rows: [ContinuityReport.Row], progress: (Int, Int) -> Void) async throws -> Tally {
        var tally = Tally()
        let outbox = ReplyOutbox(store: context.store, clock: { context.now })
        for (index, row) in rows.enumerated() {
            progress(index, rows.count)
            guard let phone = row.contact.phone, let channel = try channel(for: row),
                  let full = try context.store.replyContext(contact: row.contact.id) else {
                tally.refused += 1
                continue
            }
            // The phone only: a continuity template must never go to a BSUID.
            let phoneOnly = ReplyContext(identifiers: full.identifiers.filter { $0.kind == .phone && $0.value == phone },
                                         lastInboundAt: full.lastInboundAt, marketingStopped: full.marketingStopped)
            let token = dryRun ? nil : channel.tokenEnv.flatMap { ProcessInfo.processInfo.environment[$0] }
            let preparation: ReplyPreparation
            do {
                preparation = try ReplyPreparer.prepare(context: phoneOnly, channel: channel, message: .template(template),
                                                        now: context.now, token: token)
            } catch {
                tally.failed += 1
                tally.reports.append(["ok": false, "error": "request", "message": .string(String(describing: error))])
                continue
            }
            switch preparation {
            case .refused(let refusal):
                tally.refused += 1
                tally.reports.append(ReplyReport.json(refusal))
            case .ready(let reply) where dryRun:
                tally.sent += 1
                tally.reports.append(ReplyReport.json(reply, sent: nil, messageID: nil))
            case .ready(let reply):
                let delivery = try await outbox.send(reply, contact: row.contact.id, token: token)
                switch delivery.result {
                case .accepted(let id, _)?:
                    tally.sent += 1
                    tally.reports.append(ReplyReport.json(reply, sent: true, messageID: id))
                case .failed(let error, _)?:
                    tally.failed += 1
                    var object = ReplyReport.json(reply, sent: false, messageID: nil).object ?? [:]
                    object["error"] = ["code": .string(error.code), "message": .optional(error.message ?? error.title)]
                    tally.reports.append(.object(object))
                case nil:
                    tally.failed += 1
                }
            }
        }
        progress(rows.count, rows.count)
        return tally
    }
}
