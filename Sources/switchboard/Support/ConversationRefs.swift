import Foundation
import Store
import Webhooks

/// CONV arguments (SPEC §4): a conversation id (a bare number is always one), or a REF with
/// `--channel C`, or a REF alone when that contact has exactly one conversation.
enum ConversationRefs {
    static func resolve(_ refs: [String], channel: String?, context: CommandContext) throws -> [Int64] {
        guard !refs.isEmpty else { throw CLIFailure("name at least one conversation (an id, or a contact with --channel)", exitCode: 2) }
        var ids: [Int64] = []
        for ref in refs {
            if !ref.isEmpty, ref.allSatisfy(\.isNumber) {
                guard let id = Int64(ref), try context.store.conversation(id: id) != nil else {
                    throw CLIFailure("no conversation \(ref)")
                }
                ids.append(id)
                continue
            }
            let contact = try context.contact(ref)
            let conversations = try context.store.conversations(contact: contact.id)
            if let channel {
                guard let match = conversations.first(where: { $0.channel == channel }) else {
                    throw CLIFailure("\(ref) has no conversation on \(channel) (it has: \(conversations.map(\.channel).joined(separator: ", ")))")
                }
                ids.append(match.id)
            } else if conversations.count == 1, let only = conversations.first {
                ids.append(only.id)
            } else {
                let listed = conversations.map { "\($0.id) (\($0.channel))" }.joined(separator: ", ")
                throw CLIFailure("\(ref) has \(conversations.count) conversations: \(listed.isEmpty ? "none" : listed); name one by id or add --channel",
                                 exitCode: 2)
            }
        }
        return ids
    }
}
