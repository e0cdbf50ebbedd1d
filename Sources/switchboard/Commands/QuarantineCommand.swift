import JSON
import Store
import ArgumentParser
import TerminalText
import Webhooks

/// `switchboard quarantine`: webhooks that could not be ingested.
struct QuarantineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine", abstract: "List what could not be ingested: id, received time, provider, channel, reason, size.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let context = try CommandContext.open(global)
        let entries = try context.store.quarantined()
        if json {
            StandardOutput.json(.array(entries.map(RecordJSON.quarantine)))
            return
        }
        let rows = entries.map { q in
            [String(q.id), RecordJSON.iso(q.receivedAt), q.provider ?? "-", q.channel ?? "-", String(q.size), q.reason]
        }
        print(TextTable.render(header: ["ID", "RECEIVED", "PROVIDER", "CHANNEL", "BYTES", "REASON"], rows: rows))
    }
}
