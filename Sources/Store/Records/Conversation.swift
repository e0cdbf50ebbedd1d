public import Foundation
public import Identity

/// One conversation — a contact on one channel (business number) — as the list, the
/// `conversations` command and the reply path read it.
public struct Conversation: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var channel: String
    public var contactID: ContactID
    public var name: String?
    public var username: String?
    /// The contact's best current routing identifier (phone, else BSUID, else parent BSUID).
    public var address: Identifier?
    public var unread: Int
    public var messageCount: Int
    public var lastMessageAt: Date?
    public var lastInboundAt: Date?
    public var preview: String?
    /// As stored; a snooze whose time has passed reads as open (`status(at:)`).
    public var status: ConversationStatus
    public var snoozedUntil: Date?
    public var assignee: String?
    /// Who spoke last: the customer (`inbound`) or us.
    public var lastDirection: Direction?
    /// Our last reply failed (`✗` in the list).
    public var lastSendFailed = false
    /// A draft waits (`✎` in the list).
    public var hasDraft = false

    public init(
        id: Int64, channel: String, contactID: ContactID, name: String? = nil, username: String? = nil,
        address: Identifier? = nil, unread: Int = 0, messageCount: Int = 0, lastMessageAt: Date? = nil,
        lastInboundAt: Date? = nil, preview: String? = nil, status: ConversationStatus = .open,
        snoozedUntil: Date? = nil, assignee: String? = nil, lastDirection: Direction? = nil
    ) {
        self.status = status
        self.snoozedUntil = snoozedUntil
        self.assignee = assignee
        self.lastDirection = lastDirection
        self.id = id
        self.channel = channel
        self.contactID = contactID
        self.name = name
        self.username = username
        self.address = address
        self.unread = unread
        self.messageCount = messageCount
        self.lastMessageAt = lastMessageAt
        self.lastInboundAt = lastInboundAt
        self.preview = preview
    }

    /// A phone is known: the identity source is `native_phone`.
    public var hasPhone: Bool { address?.kind == .phone }

    /// What to call the contact: name, else username, else the identifier (+ for a phone).
    public var displayName: String {
        if let name, !name.isEmpty { return name }
        if let username, !username.isEmpty { return username }
        if let address { return address.kind == .phone ? "+" + address.value : address.value }
        return "contact \(contactID)"
    }

    /// The status at `now`: a snooze ends by itself at its time.
    public func status(at now: Date) -> ConversationStatus {
        if status == .snoozed, let until = snoozedUntil, until <= now { return .open }
        return status
    }

    /// When the 24-hour customer service window closes (last inbound + 24 h).
    public var windowClosesAt: Date? { lastInboundAt.map { $0.addingTimeInterval(24 * 3600) } }

    /// Position in the activity order, for keyset paging.
    public var key: ConversationKey { ConversationKey(lastMessageAt: lastMessageAt?.timeIntervalSince1970, id: id) }
}

/// Keyset position in the list order `(last_message_at DESC, id DESC)`; conversations
/// without any message sort last.
public struct ConversationKey: Sendable, Hashable {
    public var lastMessageAt: Double?
    public var id: Int64

    public init(lastMessageAt: Double?, id: Int64) {
        self.lastMessageAt = lastMessageAt
        self.id = id
    }
}

/// Which slice of the list to read.
public enum ConversationAnchor: Sendable, Hashable {
    /// The newest conversations.
    case top
    /// The oldest conversations (still returned newest first).
    case bottom
    /// Conversations at or after (older than) this one, starting with it if it still matches.
    case from(ConversationKey)
    /// Conversations strictly older than this one.
    case after(ConversationKey)
    /// Conversations strictly newer than this one (returned newest first, nearest last).
    case before(ConversationKey)
}

/// Totals for the status bar.
public struct InboxCounts: Sendable, Hashable {
    public var conversations: Int
    public var unreadConversations: Int
    public var messages: Int
    /// When the store last received a webhook (raw event), if ever.
    public var lastEventAt: Date?
    /// How many conversations each view shows.
    public var views: [ConversationView: Int]
    /// Unread messages over all conversations (new ones ring the bell).
    public var unreadMessages = 0
    /// When the next snooze ends (the list re-reads then).
    public var nextSnoozeEnd: Date?

    public init(conversations: Int = 0, unreadConversations: Int = 0, messages: Int = 0, lastEventAt: Date? = nil,
                views: [ConversationView: Int] = [:]) {
        self.views = views
        self.conversations = conversations
        self.unreadConversations = unreadConversations
        self.messages = messages
        self.lastEventAt = lastEventAt
    }
}

/// A webhook that could not be ingested.
public struct QuarantineRecord: Sendable, Hashable {
    public var id: Int64
    public var receivedAt: Date
    public var provider: String?
    public var channel: String?
    public var reason: String
    public var size: Int
}
