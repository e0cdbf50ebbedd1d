import ArgumentParser

/// `switchboard`: a terminal inbox for WhatsApp Business operators (SPEC §4).
@main
struct Switchboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A terminal inbox for WhatsApp Business operators: webhooks in, the right identifier out.",
        subcommands: [
            ReplayCommand.self, ContactsCommand.self, ShowCommand.self, ConversationsCommand.self,
            ExportCommand.self, QuarantineCommand.self, RebuildCommand.self, GenerateCommand.self, ServeCommand.self,
            ReplyCommand.self, SandboxCommand.self, TUICommand.self, DemoCommand.self,
        ],
        defaultSubcommand: TUICommand.self)

    @OptionGroup var global: GlobalOptions
}
