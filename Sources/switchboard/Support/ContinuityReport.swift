import Config
import Foundation
import Identity
import JSON
import Store

/// Phone continuity per contact and portfolio (SPEC §3), from the store's phone interactions
/// and the config's portfolios and `contact_book_since`.
struct ContinuityReport {
    struct Row {
        var contact: Contact
        var portfolio: String
        var continuity: PhoneContinuity
    }

    /// Every contact with a phone (or one), for every portfolio it talks to (or the one of
    /// `channel`).
    static func rows(store: any InboxStore, config: SwitchboardConfig, now: Date, contact only: Contact? = nil,
                     channel: String? = nil) throws -> [Row] {
        let portfolioOf = Dictionary(config.channels.map { ($0.name, $0.portfolio) }, uniquingKeysWith: { first, _ in first })
        let wanted = channel.flatMap { portfolioOf[$0] }
        let interactions = try store.phoneInteractions(contactBookSince: config.contactBookSince, contact: only?.id)
        let byContact = Dictionary(grouping: interactions, by: \.contactID)
        let contacts = try only.map { [$0] } ?? store.contacts()
        // One read of the conversations for every contact, not one per contact.
        let conversations = Dictionary(grouping: try store.conversations(contact: only?.id), by: \.contactID)
        var rows: [Row] = []
        for contact in contacts where contact.phone != nil {
            let talksTo = Set((conversations[contact.id] ?? []).compactMap { portfolioOf[$0.channel] })
            for portfolio in talksTo.sorted() where wanted == nil || wanted == portfolio {
                let here = (byContact[contact.id] ?? []).filter { portfolioOf[$0.channel] == portfolio }
                let continuity = PhoneContinuity.evaluate(
                    lastPhoneInteraction: here.map(\.last).max(), interactedSinceContactBook: here.contains(where: \.sinceContactBook),
                    now: now)
                rows.append(Row(contact: contact, portfolio: portfolio, continuity: continuity))
            }
        }
        return rows
    }

    static func json(_ row: Row) -> JSONValue {
        .object([
            "contact_id": .string(String(row.contact.id)), "name": .optional(row.contact.name),
            "phone": .optional(row.contact.phone), "portfolio": .string(row.portfolio),
            "state": .string(row.continuity.state.rawValue),
            "phone_window_until": .optional(row.continuity.windowUntil.map(RecordJSON.iso)),
            "last_phone_interaction_at": .optional(row.continuity.lastPhoneInteraction.map(RecordJSON.iso)),
        ])
    }
}
