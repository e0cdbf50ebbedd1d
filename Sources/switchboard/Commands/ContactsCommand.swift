import JSON
import Store
import Identity
import ArgumentParser
import TerminalText
import Webhooks

/// `switchboard contacts`: every contact with its identity.
struct ContactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts", abstract: "List contacts with their identity source, phone, BSUID, parent BSUID and username.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (SPEC §4 shape).") var json = false

    func run() async throws {
        let context = try CommandContext.open(global)
        let contacts = try context.store.contacts()
        if json {
            StandardOutput.json(.array(contacts.map(RecordJSON.contact)))
            return
        }
        let rows = contacts.map { c in
            [String(c.id), c.name ?? "-", c.username ?? "-", c.phone.map { "+" + $0 } ?? "not shared",
             c.bsuid ?? "-", c.parentBSUID ?? "-", c.identitySource.rawValue]
        }
        print(TextTable.render(header: ["ID", "NAME", "USERNAME", "PHONE", "BSUID", "PARENT BSUID", "SOURCE"], rows: rows))
    }
}
