import JSON
import Store
import ArgumentParser
import TerminalText
import Webhooks

/// `switchboard conversations`: one row per (channel, contact).
struct ConversationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conversations", abstract: "List conversations, newest activity first.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (SPEC §4 shape).") var json = false
    @Option(help: "open, snoozed, resolved or all (default all).") var status: String = "all"
    @Option(help: "An operator's name, me, or nobody.") var assignee: String?
    @Flag(help: "Only conversations with unread messages.") var unread = false

    func run() async throws {
        let wanted: ConversationStatus?
        if status == "all" {
            wanted = nil
        } else if let parsed = ConversationStatus(rawValue: status) {
            wanted = parsed
        } else {
            throw CLIFailure("--status \(status) is not one of open, snoozed, resolved, all", exitCode: 2)
        }
        let context = try CommandContext.open(global)
        let who: String?? = switch assignee {
        case nil: .none
        case "nobody": .some(nil)
        case "me": .some(try CommandContext.me(config: context.config))
        case let name?: .some(name)
        }
        let conversations = try context.store.conversations().filter { c in
            (wanted.map { c.status(at: context.now) == $0 } ?? true)
                && (who.map { c.assignee == $0 } ?? true)
                && (!unread || c.unread > 0)
        }
        if json {
            StandardOutput.json(.array(conversations.map {
                RecordJSON.conversation($0, provider: context.provider(of: $0.channel), now: context.now)
            }))
            return
        }
        let rows = conversations.map { c in
            [String(c.id), c.displayName, c.channel, c.status(at: context.now).rawValue, c.assignee ?? "-",
             String(c.messageCount), String(c.unread), c.lastMessageAt.map(RecordJSON.iso) ?? "-",
             (c.lastDirection == .outbound ? "you: " : "") + String((c.preview ?? "").prefix(40))]
        }
        print(TextTable.render(header: ["ID", "CONTACT", "CHANNEL", "STATUS", "ASSIGNEE", "MSGS", "UNREAD", "LAST", "PREVIEW"],
                               rows: rows))
    }
}
