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

    func run() async throws {
        let context = try CommandContext.open(global)
        let conversations = try context.store.conversations()
        if json {
            StandardOutput.json(.array(conversations.map { RecordJSON.conversation($0, provider: context.provider(of: $0.channel)) }))
            return
        }
        let rows = conversations.map { c in
            [String(c.id), c.displayName, c.channel, String(c.messageCount), String(c.unread),
             c.lastMessageAt.map(RecordJSON.iso) ?? "-", String((c.preview ?? "").prefix(40))]
        }
        print(TextTable.render(header: ["ID", "CONTACT", "CHANNEL", "MSGS", "UNREAD", "LAST", "PREVIEW"], rows: rows))
    }
}
