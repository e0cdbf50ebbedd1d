import ArgumentParser
import Config
import Foundation
import JSON
import Store
import TerminalText

/// What every triage command takes: conversations, `--channel`, `--json`.
struct TriageTarget: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Conversations: ids, or contacts (phone, BSUID, @username) with --channel.") var conversations: [String] = []
    @Option(help: "The channel of a contact's conversation.") var channel: String?
    @Flag(help: "Print the updated conversations as JSON.") var json = false

    /// Applies `change` and prints the result (JSON, or one line per conversation).
    func apply(_ change: ConversationChange, describing what: String) throws {
        let context = try CommandContext.open(global)
        let ids = try ConversationRefs.resolve(conversations, channel: channel, context: context)
        let updated = try context.store.change(conversations: ids, change, operator: context.operatorName, at: context.now)
        if json {
            StandardOutput.json(.array(updated.map { RecordJSON.conversation($0, provider: context.provider(of: $0.channel), now: context.now) }))
            return
        }
        for conversation in updated {
            StandardOutput.text("#\(conversation.id) \(TextTable.safe(conversation.displayName)) on \(conversation.channel): \(what)")
        }
    }
}

struct ResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Mark conversations resolved.")
    @OptionGroup var target: TriageTarget
    func run() async throws { try target.apply(.status(.resolved, until: nil), describing: "resolved") }
}

struct ReopenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen conversations.")
    @OptionGroup var target: TriageTarget
    func run() async throws { try target.apply(.status(.open, until: nil), describing: "open") }
}

struct SnoozeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze", abstract: "Snooze conversations until a time; they reopen by themselves then, or on a new message.")
    @OptionGroup var target: TriageTarget
    @Option(help: "ISO 8601, or 30m / 4h / 2d from now.") var until: String

    func run() async throws {
        let now = try CommandContext.currentTime()
        guard let when = SnoozeTime.parse(until, now: now) else {
            throw CLIFailure("--until \(until) is neither an ISO 8601 time nor a duration like 30m, 4h or 2d", exitCode: 2)
        }
        guard when > now else { throw CLIFailure("--until \(until) is not in the future", exitCode: 2) }
        try target.apply(.status(.snoozed, until: when), describing: "snoozed until \(RecordJSON.iso(when))")
    }
}

struct AssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign conversations to an operator.")
    @OptionGroup var target: TriageTarget
    @Option(help: "The operator's name.") var to: String?
    @Flag(help: "Assign to yourself (SWITCHBOARD_OPERATOR, config operator, $USER).") var me = false
    @Flag(help: "Unassign.") var nobody = false

    func run() async throws {
        guard [to != nil, me, nobody].filter({ $0 }).count == 1 else {
            throw CLIFailure("give exactly one of --to NAME, --me, --nobody", exitCode: 2)
        }
        if let to, to.trimmingCharacters(in: .whitespaces).isEmpty { throw CLIFailure("--to needs a name", exitCode: 2) }
        let config = try CommandContext.loadConfig(target.global)
        let name = nobody ? nil : try (to ?? CommandContext.me(config: config))
        try target.apply(.assign(name), describing: name.map { "assigned to \($0)" } ?? "unassigned")
    }
}

struct MarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mark", abstract: "Mark conversations read or unread.")
    @OptionGroup var target: TriageTarget
    @Flag(help: "Mark read.") var read = false
    @Flag(help: "Mark unread.") var unread = false

    func run() async throws {
        guard read != unread else { throw CLIFailure("give one of --read, --unread", exitCode: 2) }
        try target.apply(read ? .read : .unread, describing: read ? "read" : "unread")
    }
}

struct NoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a private note to conversations (never sent).")
    @OptionGroup var target: TriageTarget
    @Option(help: "The note.") var text: String

    func run() async throws {
        let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw CLIFailure("--text is empty", exitCode: 2) }
        guard note.count <= 4096 else { throw CLIFailure("--text is \(note.count) characters; a note holds at most 4096", exitCode: 2) }
        try target.apply(.note(note), describing: "note added")
    }
}
