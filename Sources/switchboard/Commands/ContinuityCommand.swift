import ArgumentParser
import Outbound
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
    @Option(help: "Send this configured template, by phone, to every at_risk contact.") var send: String?
    @Flag(name: .customLong("dry-run"), help: "With --send: plan and print, send nothing.") var dryRun = false
    @Option(help: "With --send: at most this many contacts.") var limit: Int?

    func run() async throws {
        let context = try CommandContext.open(global)
        if let channel, context.config.directory.named(channel) == nil {
            throw CLIFailure("unknown channel \"\(channel)\" (configured: \(context.config.channels.map(\.name).joined(separator: ", ")))", exitCode: 2)
        }
        let rows = try ContinuityReport.rows(store: context.store, config: context.config, now: context.now, channel: channel)
        if let send {
            try await sendTemplate(send, to: rows, context: context)
            return
        }
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

    func sendTemplate(_ name: String, to rows: [ContinuityReport.Row], context: CommandContext) async throws {
        guard let settings = context.config.templates.first(where: { $0.name == name }) else {
            let known = context.config.templates.map(\.name)
            throw CLIFailure("unknown template \"\(name)\" (configured: \(known.isEmpty ? "none" : known.joined(separator: ", ")))", exitCode: 2)
        }
        if let parameters = settings.parameters, !parameters.isEmpty {
            throw CLIFailure("template \(name) takes parameters (\(parameters.joined(separator: ", "))); a continuity template is sent without any",
                             exitCode: 2)
        }
        guard limit.map({ $0 > 0 }) ?? true else { throw CLIFailure("--limit must be at least 1", exitCode: 2) }
        let template = settings.message()
        let atRisk = Array(rows.filter { $0.continuity.state == .atRisk }.prefix(limit ?? Int.max))
        let tty = isatty(STDERR_FILENO) == 1
        let tally = try await ContinuitySend(context: context, template: template, dryRun: dryRun).send(atRisk) { done, total in
            guard tty, total > 0 else { return }
            let width = 30
            let filled = width * done / total
            FileHandle.standardError.write(Data("\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(done)/\(total)".utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
        if json {
            StandardOutput.json(.array(tally.reports))
        } else {
            let verb = dryRun ? "would send" : "sent"
            print("\(verb) \(tally.sent), refused \(tally.refused), failed \(tally.failed)")
        }
        if tally.failed > 0 { throw ExitCode.failure }
    }
}
