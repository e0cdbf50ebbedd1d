public import Foundation
public import Identity

/// The terminal inbox's reads and small writes, as one call each.
extension RelationalStore {
    public func conversations(from anchor: ConversationAnchor, limit: Int, filter: ConversationFilter) throws -> [Conversation] {
        try read { db in try ConversationPage.fetch(db, from: anchor, limit: limit, filter: filter) }
    }

    public func findConversations(matching text: String, limit: Int) throws -> [Conversation] {
        var needle = text.trimmingCharacters(in: .whitespaces)
        if needle.hasPrefix("@") { needle.removeFirst() }
        if !needle.isEmpty, needle.allSatisfy({ $0.isNumber || "+ -().".contains($0) }) {
            needle = needle.filter(\.isNumber)   // phones are stored as digits
        }
        guard !needle.isEmpty else { return [] }
        let escaped = needle.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%" + escaped + "%"
        let order: SQLFragment = "c.last_message_at DESC NULLS LAST, c.id DESC"
        return try read { db in
            if let contacts = try indexedContactMatches(needle, limit: Self.narrowFind, db: db) {
                guard !contacts.isEmpty else { return [] }
                return try ConversationPage.rows(db, "c.contact_id IN (\(SQLFragment.list(contacts)))", order: order, limit)
            }
            // Many matches (or no index): walk in activity order until `limit` are found. The
            // identifier test is per conversation, so a dense match stops the walk early.
            // SQLite's LIKE ignores ASCII case by itself; PostgreSQL's ILIKE does the same.
            let like: SQLFragment = db.dialect == .sqlite ? "LIKE" : "ILIKE"
            return try ConversationPage.rows(db, """
                k.name \(like) \(pattern) ESCAPE '\\' OR k.username \(like) \(pattern) ESCAPE '\\'
                OR EXISTS (SELECT 1 FROM identifier i WHERE i.contact_id = c.contact_id AND i.value \(like) \(pattern) ESCAPE '\\')
                """, order: order, limit)
        }
    }

    /// Up to this many matching contacts are read from the index and their conversations
    /// sorted; more, and the activity walk finds a page of them sooner.
    static var narrowFind: Int { 1000 }

    public func conversation(id: Int64) throws -> Conversation? {
        try read { db in try ConversationPage.one(db, id: id) }
    }

    public func counts(me: String?, at time: Date) throws -> InboxCounts {
        try read { db in try ConversationPage.counts(db, me: me, at: time) }
    }

    public func messages(conversationID: Int64, before: MessageKey?, inclusive: Bool, limit: Int) throws -> [Message] {
        try read { db in
            try MessagePage.older(db, conversationID: conversationID, before: before, inclusive: inclusive, limit: limit)
        }
    }

    public func messages(conversationID: Int64, after: MessageKey, limit: Int) throws -> [Message] {
        try read { db in try MessagePage.newer(db, conversationID: conversationID, after: after, limit: limit) }
    }

    public func message(id: Int64) throws -> Message? {
        try read { db in try MessagePage.one(db, id: id) }
    }

    @discardableResult
    public func markRead(conversationID: Int64) throws -> Bool {
        try write { db in try ReadMarking.markRead(db, conversationID: conversationID) }
    }

    public func draft(conversationID: Int64) throws -> String? {
        try read { db in try Drafts.load(db, conversationID: conversationID) }
    }

    public func saveDraft(conversationID: Int64, text: String, at time: Double) throws {
        try write { db in try Drafts.save(db, conversationID: conversationID, text: text, at: time) }
    }

    public func contactDetail(id: ContactID) throws -> ContactDetail? {
        try read { db in
            guard let contact = try ContactQuery.fetch(db, "id = \(id)").first else { return nil }
            return ContactDetail(contact: contact, merges: try ContactQuery.merges(of: id, db: db),
                                 conflicts: try ContactQuery.conflicts(of: id, db: db),
                                 unverifiedChanges: try UnverifiedChanges.of(contact: id, db: db))
        }
    }
}
