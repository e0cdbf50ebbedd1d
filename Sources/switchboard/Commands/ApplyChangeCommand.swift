import ArgumentParser
import Config
import Foundation
import Store
import TerminalText

/// `switchboard apply-change ID`: an operator applies an identity change that arrived through
/// an unsigned channel and was held because it would move identifiers learned through a signed
/// one (`show` lists them with their ids). The approval is kept across `rebuild`.
struct ApplyChangeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply-change",
        abstract: "Apply an unverified identity change (held because it arrived unsigned); `show` lists their ids.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The change id, as `show` lists it.") var id: Int64

    func run() async throws {
        let context = try CommandContext.open(global)
        guard let change = try context.store.approveChange(id: id, operator: context.operatorName, at: context.now,
                                                           channels: context.config.directory) else {
            throw CLIFailure("no unverified change #\(id) (see `switchboard show REF`)")
        }
        StandardOutput.text("applied change #\(change.id): \(TerminalSafeText.field(change.summary, limit: 200))")
    }
}
