import ArgumentParser
import Config
import Foundation

/// `switchboard`: a terminal inbox for WhatsApp Business operators (SPEC §4).
@main
struct Switchboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A terminal inbox for WhatsApp Business operators: webhooks in, the right identifier out.",
        subcommands: [
            ReplayCommand.self, ContactsCommand.self, ShowCommand.self, ConversationsCommand.self,
            ExportCommand.self, QuarantineCommand.self, RebuildCommand.self, GenerateCommand.self, ServeCommand.self,
            ReplyCommand.self, SandboxCommand.self, TUICommand.self, DemoCommand.self, CheckCommand.self, ApplyChangeCommand.self,
            ResolveCommand.self, ReopenCommand.self, SnoozeCommand.self, AssignCommand.self, MarkCommand.self, NoteCommand.self,
            ContinuityCommand.self,
        ],
        defaultSubcommand: TUICommand.self)

    @OptionGroup var global: GlobalOptions

    /// The one failure handler: argument errors, help and `ExitCode` the ArgumentParser way;
    /// any other failure of a command is one line on stderr and a non-zero exit.
    static func main() async {
        refuseUnknownCommand(Array(CommandLine.arguments.dropFirst()))
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                var synchronous = command
                try synchronous.run()
            }
        } catch let failure as CLIFailure {
            StandardError.line("switchboard: \(failure.message)")
            Foundation.exit(failure.exitCode)
        } catch let error as ExitCode {
            exit(withError: error)
        } catch let error as CleanExit {
            exit(withError: error)
        } catch let error as ValidationError {
            exit(withError: error)
        } catch where exitCode(for: error) == .success {
            exit(withError: error)   // `--help` and `help`: the parser's help command reports through an error
        } catch {
            StandardError.line("switchboard: \(error)")
            Foundation.exit(EXIT_FAILURE)
        }
    }

    /// A bare first word that names no command is a typo, not arguments for the default `tui`:
    /// say so, with the nearest command.
    static func refuseUnknownCommand(_ arguments: [String]) {
        guard let first = arguments.first, !first.hasPrefix("-") else { return }
        let names = Set(configuration.subcommands.map { $0._commandName } + ["help"])
        guard !names.contains(first) else { return }
        let hint = ConfigKeys.closest(to: first, in: names).map { "; did you mean \"\($0)\"?" } ?? ""
        StandardError.line("switchboard: unknown command \"\(first)\"\(hint) (switchboard --help lists them)")
        Foundation.exit(2)
    }
}
