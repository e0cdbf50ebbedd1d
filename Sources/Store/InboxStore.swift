public import Foundation
public import Identity
public import Webhooks

/// The store API (SPEC §1): typed records in, typed records out, two backends behind it —
/// SQLite (`SQLiteStore`, the embedded default) and PostgreSQL (the shared team store).
/// Identity decisions stay in the pure `ContactResolver`; a backend loads what the resolver
/// needs and applies its decision. Every backend passes the same contract tests
/// (`Tests/StoreTests/StoreContractTests.swift`).
public protocol InboxStore: AnyObject, Sendable {
    /// Where the store lives, for status lines and messages (a path or a URL without password).
    var location: String { get }

    // MARK: Ingest

    /// Ingests prepared webhooks in one transaction, each all-or-nothing; nothing is
    /// acknowledged before the transaction commits.
    func ingest(_ batch: [PreparedWebhook], channels: ChannelDirectory) throws -> [IngestOutcome]
    /// Ingests webhooks taken from `next` (up to `n` per call, empty when none are left) in
    /// one transaction of at most `limit`, each all-or-nothing, without holding them all
    /// decoded; the outcomes, in order, once it commits.
    func ingest(pulling next: (Int) throws -> [PreparedWebhook], upTo limit: Int,
                channels: ChannelDirectory) throws -> [IngestOutcome]
    /// Says that this process will now ingest many batches back to back (replay): the backend
    /// may make each commit wait longer for the sake of throughput.
    func expectBulkIngest()
    /// How many webhooks a bulk ingest (replay) should commit in its next transaction: more
    /// per commit writes each hot page to the log fewer times, fewer keeps other writers'
    /// waits short.
    var bulkCommitSize: Int { get }
    /// Re-projects the store from its raw event log in one swap; operator work is kept.
    func rebuild(channels: ChannelDirectory, batchSize: Int) throws -> Int
    func rawEventCount() throws -> Int
    func quarantined() throws -> [QuarantineRecord]

    // MARK: Contacts

    /// Every live (not merged away) contact, oldest first.
    func contacts() throws -> [Contact]
    func contact(id: ContactID) throws -> Contact?
    /// A contact by any identifier it has or had, `@username`, or its id.
    func findContact(ref: String) throws -> Contact?
    /// The contact with its merge and conflict history.
    func contactDetail(id: ContactID) throws -> ContactDetail?
    func replyContext(contact id: ContactID) throws -> ReplyContext?
    /// Applies an unverified identity change an operator approved (and remembers the approval
    /// across `rebuild`); nil when there is no such pending change.
    func approveChange(id: Int64, operator: String?, at time: Date, channels: ChannelDirectory) throws -> UnverifiedChange?

    // MARK: Conversations

    /// Conversations, newest activity first (optionally of one contact).
    func conversations(contact: ContactID?) throws -> [Conversation]
    /// A keyset page of the list.
    func conversations(from anchor: ConversationAnchor, limit: Int, filter: ConversationFilter) throws -> [Conversation]
    func conversation(id: Int64) throws -> Conversation?
    /// Conversations whose contact's name, username, phone or BSUID contains `text`
    /// (case-insensitive; a phone may be typed with `+`, spaces or dashes), newest first.
    func findConversations(matching text: String, limit: Int) throws -> [Conversation]
    /// Totals, and the size of each view (`me` for Mine; snoozes end at `time`).
    func counts(me: String?, at time: Date) throws -> InboxCounts
    @discardableResult func markRead(conversationID: Int64) throws -> Bool
    /// Applies an operator change (status, assignee, read state, note) to conversations,
    /// recorded in their history with who and when; returns them updated.
    func change(conversations ids: [Int64], _ change: ConversationChange, operator name: String?, at time: Date) throws -> [Conversation]
    /// A contact's history, oldest first (operator work, merges, identity changes, conflicts).
    func timeline(contact id: ContactID) throws -> [TimelineEntry]
    /// Says an operator is composing in a conversation until a time (nil: no longer).
    func setPresence(conversationID: Int64, operator name: String, until: Date?) throws
    /// Operators composing in a conversation at `time`.
    func presence(conversationID: Int64, at time: Date) throws -> [String]
    /// Phone interactions per contact and business number (phone continuity), of one contact or all.
    func phoneInteractions(contactBookSince since: Date, contact: ContactID?) throws -> [PhoneInteractions]
    /// An outgoing message's delivery steps, oldest first.
    func deliveryHistory(messageID: Int64) throws -> [DeliveryEvent]
    func draft(conversationID: Int64) throws -> String?
    /// Saves the draft; an empty text deletes it.
    func saveDraft(conversationID: Int64, text: String, at time: Double) throws

    // MARK: Messages

    /// Up to `limit` messages older than `before` (the newest when nil), oldest first.
    func messages(conversationID: Int64, before: MessageKey?, inclusive: Bool, limit: Int) throws -> [Message]
    /// Up to `limit` messages newer than `after`, oldest first.
    func messages(conversationID: Int64, after: MessageKey, limit: Int) throws -> [Message]
    func message(id: Int64) throws -> Message?
    /// Streams every message in time order without loading them all.
    func forEachMessage(_ body: (Message) throws -> Void) throws
    /// Full-text search, newest first.
    func searchMessages(_ text: String, limit: Int) throws -> [SearchHit]
    /// Indexes up to `batch` new messages for search; returns how many (0 when caught up).
    @discardableResult func catchUpSearchIndex(batch: Int) throws -> Int
    /// A value that changes whenever anyone commits to the store (live refresh).
    func changeVersion() throws -> Int64

    // MARK: Outbox

    /// Writes a reply as a pending outgoing message plus a queued outbox row, before sending.
    func enqueue(_ outgoing: OutgoingMessageRecord) throws -> OutboxEntry
    /// Claims a queued entry under `lease`; only one caller ever gets it.
    func claimOutboxEntry(_ id: Int64, at time: Date, lease: SenderLease) throws -> OutboxEntry?
    func renewOutboxLease(_ id: Int64, until expiry: Date) throws
    func recordOutboxAttempt(_ id: Int64, at time: Date) throws
    func markOutboxSent(_ id: Int64, providerMessageID: String?, httpStatus: Int, at time: Date) throws
    @discardableResult
    func markOutboxFailed(_ id: Int64, error: ProviderError, httpStatus: Int?, at time: Date, onlyIfSending: Bool) throws -> Bool
    /// Marks replies whose sender is gone as failed `interrupted`; returns how many.
    @discardableResult
    func failInterruptedSends(at time: Date, host: String, isAlive: (Int32) -> Bool) throws -> Int
    func queuedOutboxEntries() throws -> [OutboxEntry]
    func outboxEntry(_ id: Int64) throws -> OutboxEntry?
}

extension InboxStore {
    /// Ingests one webhook in its own transaction.
    public func ingest(_ webhook: RawWebhook, channels: ChannelDirectory) throws -> IngestOutcome {
        try ingest([PreparedWebhook(webhook)], channels: channels)[0]
    }

    public func rebuild(channels: ChannelDirectory) throws -> Int {
        try rebuild(channels: channels, batchSize: 2000)
    }

    public func conversations() throws -> [Conversation] { try conversations(contact: nil) }

    /// A keyset page of every conversation, or of the unread ones.
    public func conversations(from anchor: ConversationAnchor, limit: Int, unreadOnly: Bool) throws -> [Conversation] {
        try conversations(from: anchor, limit: limit, filter: ConversationFilter(view: .all, unreadOnly: unreadOnly))
    }

    /// Totals now, without a "mine".
    public func counts() throws -> InboxCounts { try counts(me: nil, at: Date()) }

    public func messages(conversationID: Int64, before: MessageKey?, limit: Int) throws -> [Message] {
        try messages(conversationID: conversationID, before: before, inclusive: false, limit: limit)
    }

    public func searchMessages(_ text: String) throws -> [SearchHit] { try searchMessages(text, limit: 200) }

    public func claimOutboxEntry(_ id: Int64, at time: Date) throws -> OutboxEntry? {
        try claimOutboxEntry(id, at: time, lease: .current())
    }

    @discardableResult
    public func markOutboxFailed(_ id: Int64, error: ProviderError, httpStatus: Int?, at time: Date) throws -> Bool {
        try markOutboxFailed(id, error: error, httpStatus: httpStatus, at: time, onlyIfSending: false)
    }

    @discardableResult
    public func failInterruptedSends() throws -> Int {
        try failInterruptedSends(at: Date(), host: SenderLease.hostName(), isAlive: SenderLease.processExists)
    }
}

extension InboxStore {
    public func expectBulkIngest() {}

    /// A store shared by several writers (PostgreSQL) keeps bulk commits small: a long
    /// transaction would hold its conversations' row locks against the receivers.
    public var bulkCommitSize: Int { BulkCommit.shared }
}

/// Bulk ingest transaction sizes.
public enum BulkCommit {
    /// When other writers are active: each commit holds the write lock ~0.1 s. With 1,000 a
    /// receiver's p99 during a replay was 1.06 s; with 500 it is 0.34 s (SPEC §9: < 500 ms).
    public static let shared = 500
    /// When this process is the only writer: ~1 s per commit, and each hot index page is
    /// written to the WAL once per 8,000 webhooks instead of once per 1,000 (a 1,000,000-event
    /// replay wrote 21 GB at 1,000 and 11 GB at 4,000 per commit).
    public static let alone = 8000
}
