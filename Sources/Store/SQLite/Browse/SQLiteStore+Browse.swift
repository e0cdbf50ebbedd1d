import GRDB
public import Identity

/// The terminal inbox's reads and small writes, as one call each.
extension SQLiteStore {
    public func conversations(from anchor: ConversationAnchor, limit: Int, unreadOnly: Bool) throws -> [Conversation] {
        try database.read { db in try ConversationPage.fetch(db, from: anchor, limit: limit, unreadOnly: unreadOnly) }
    }

    public func conversation(id: Int64) throws -> Conversation? {
        try database.read { db in try ConversationPage.one(db, id: id) }
    }

    public func counts() throws -> InboxCounts {
        try database.read { db in try ConversationPage.counts(db) }
    }

    public func messages(conversationID: Int64, before: MessageKey?, inclusive: Bool, limit: Int) throws -> [Message] {
        try database.read { db in
            try MessagePage.older(db, conversationID: conversationID, before: before, inclusive: inclusive, limit: limit)
        }
    }

    public func messages(conversationID: Int64, after: MessageKey, limit: Int) throws -> [Message] {
        try database.read { db in try MessagePage.newer(db, conversationID: conversationID, after: after, limit: limit) }
    }

    public func message(id: Int64) throws -> Message? {
        try database.read { db in try MessagePage.one(db, id: id) }
    }

    @discardableResult
    public func markRead(conversationID: Int64) throws -> Bool {
        try database.write { db in try ReadMarking.markRead(db, conversationID: conversationID) }
    }

    public func draft(conversationID: Int64) throws -> String? {
        try database.read { db in try Drafts.load(db, conversationID: conversationID) }
    }

    public func saveDraft(conversationID: Int64, text: String, at time: Double) throws {
        try database.write { db in try Drafts.save(db, conversationID: conversationID, text: text, at: time) }
    }

    public func contactDetail(id: ContactID) throws -> ContactDetail? {
        try database.read { db in
            guard let contact = try ContactQuery.fetch(db, "id = \(id)").first else { return nil }
            return ContactDetail(contact: contact, merges: try ContactQuery.merges(of: id, db: db),
                                 conflicts: try ContactQuery.conflicts(of: id, db: db))
        }
    }

    /// Indexes one batch of new messages for search; returns how many (0 when caught up).
    @discardableResult
    public func catchUpSearchIndex(batch: Int) throws -> Int {
        let behind = try database.read { db in try MessageSearch.isBehind(db) }
        guard behind else { return 0 }
        return try database.write { db in try MessageSearch.catchUp(db, batch: batch) }
    }

    /// Searches every message, indexing what is new first.
    public func searchMessages(_ text: String, limit: Int) throws -> [SearchHit] {
        while try catchUpSearchIndex(batch: 50_000) > 0 {}
        return try database.read { db in try MessageSearch.search(db, text: text, limit: limit) }
    }
}
