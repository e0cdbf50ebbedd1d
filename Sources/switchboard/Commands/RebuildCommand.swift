import Store
import Config
import ArgumentParser

/// `switchboard rebuild`: re-project the store from its raw event log.
struct RebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Re-project contacts, conversations and messages from the raw event log.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try CommandContext.open(global)
        let events = try context.store.rebuild(channels: context.config.directory)
        let contacts = try context.store.contacts().count
        let conversations = try context.store.conversations().count
        StandardOutput.text("rebuilt from \(events) logged webhooks: \(contacts) contacts, \(conversations) conversations")
    }
}
