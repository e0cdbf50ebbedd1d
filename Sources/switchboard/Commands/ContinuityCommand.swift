import ArgumentParser
import Config
import Identity
import Foundation
import JSON
import Store
import TerminalText

/// `switchboard continuity`: whether each customer's phone will keep arriving, per portfolio.
struct ContinuityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "continuity",
        abstract: "Phone continuity per contact and portfolio: contact_book, phone_window (until when) or at_risk.",
        discussion: """
            Meta keeps sending a customer's phone after they adopt a username only while the business \
            is in contact with that phone: a phone message in or out on a number of the portfolio in the \
            last 30 days (phone_window), or any since its contact book started (contact_book_since). \
            Everyone else is at_risk.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only the portfolio of this channel.") var channel: String?
    @Flag(help: "Print JSON (SPEC §4 shape).") var json = false

    func run() async throws {
        let context = try CommandContext.open(global)
        if let channel, context.config.directory.named(channel) == nil {
            throw CLIFailure("unknown channel \"\(channel)\" (configured: \(context.config.channels.map(\.name).joined(separator: ", ")))", exitCode: 2)
        }
        let rows = try ContinuityReport.rows(store: context.store, config: context.config, now: context.now, channel: channel)
        if json {
            StandardOutput.json(.array(rows.map(ContinuityReport.json)))
            return
        }
        let table = rows.map { row in
            [String(row.contact.id), TerminalSafeText.field(row.contact.name ?? "-"), row.contact.phone.map { "+" + $0 } ?? "-",
             row.portfolio, row.continuity.state.rawValue,
             row.continuity.windowUntil.map(RecordJSON.iso) ?? "-", row.continuity.lastPhoneInteraction.map(RecordJSON.iso) ?? "-"]
        }
        print(TextTable.render(header: ["ID", "NAME", "PHONE", "PORTFOLIO", "STATE", "WINDOW UNTIL", "LAST PHONE MESSAGE"], rows: table))
        let risky = rows.filter { $0.continuity.state == .atRisk }.count
        print("\(rows.count) contact-portfolio pairs, \(risky) at risk")
    }
}
