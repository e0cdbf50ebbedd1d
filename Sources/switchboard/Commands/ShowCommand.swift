import JSON
import Config
import ArgumentParser
import Identity
import Outbound
import Store
import Webhooks

/// `switchboard show REF`: one contact with identifier history, conversations and merges.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one contact: identifiers with history, conversations, reply plan per channel.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Phone, BSUID, parent BSUID, @username or contact id.") var ref: String
    @Flag(help: "Print JSON (SPEC §4 shape).") var json = false

    func run() async throws {
        let context = try CommandContext.open(global)
        let contact = try context.contact(ref)
        let conversations = try context.store.conversations(contact: contact.id)
        let detail = try context.store.contactDetail(id: contact.id)
        let merges = detail?.merges ?? []
        let conflicts = detail?.conflicts ?? []
        let unverified = detail?.unverifiedChanges ?? []
        let replyContext = try context.store.replyContext(contact: contact.id)
            ?? ReplyContext(identifiers: contact.currentScoped, lastInboundAt: [:])
        let plans = ReplyReport.plansForEveryChannel(context: replyContext, channels: context.config.channels, now: context.now)
        if json {
            StandardOutput.json(.object([
                "contact": RecordJSON.contact(contact),
                "conversations": .array(conversations.map { RecordJSON.conversation($0, provider: context.provider(of: $0.channel), now: context.now) }),
                "timeline": .array(try context.store.timeline(contact: contact.id).map(RecordJSON.timeline)),
                "continuity": .array(try ContinuityReport.rows(store: context.store, config: context.config, now: context.now,
                                                               contact: contact).map(ContinuityReport.json)),
                "merges": .array(merges.map { m in
                    .object(["survivor": .string(String(m.survivor)), "merged": .string(String(m.merged)),
                             "reason": .string(m.reason), "at": .string(RecordJSON.iso(m.at))])
                }),
                "conflicts": .array(conflicts.map { c in
                    .object(["phone": .string(c.phone), "other_contact_id": .optional(c.otherContact.map { String($0) }),
                             "at": .string(RecordJSON.iso(c.at))])
                }),
                "unverified_changes": .array(unverified.map { u in
                    .object(["id": .string(String(u.id)), "channel": .string(u.channel), "kind": .string(u.kind),
                             "previous": .array(u.previous.map { .string("\($0.kind.rawValue):\($0.value)") }),
                             "current": .array(u.current.map { .string("\($0.kind.rawValue):\($0.value)") }),
                             "at": .string(RecordJSON.iso(u.at))])
                }),
                "plans": plans,
            ]))
            return
        }
        StandardOutput.text(ContactReport.text(contact, conversations: conversations, merges: merges, conflicts: conflicts,
                                               unverified: unverified))
        StandardOutput.text(ContactReport.plans(ReplyPlanner.plans(context: replyContext, channels: context.config.channels, kind: .text, now: context.now)))
    }
}
