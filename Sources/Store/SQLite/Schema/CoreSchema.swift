import GRDB

/// v1: raw event log, identity graph, conversations, messages, pending statuses, quarantine.
/// Times are Unix seconds (REAL). Unscoped identifiers use scope `''` so UNIQUE works.
enum CoreSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-core") { db in
            try db.execute(sql: """
                CREATE TABLE raw_event (
                    id INTEGER PRIMARY KEY,
                    provider TEXT,
                    channel TEXT,
                    received_at REAL NOT NULL,
                    dedupe_key TEXT NOT NULL UNIQUE,
                    headers TEXT,
                    body BLOB NOT NULL
                );
                CREATE TABLE contact (
                    id INTEGER PRIMARY KEY,
                    name TEXT,
                    username TEXT,
                    country TEXT,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    merged_into INTEGER REFERENCES contact(id)
                );
                CREATE TABLE identifier (
                    id INTEGER PRIMARY KEY,
                    contact_id INTEGER NOT NULL REFERENCES contact(id),
                    kind TEXT NOT NULL,
                    value TEXT NOT NULL,
                    scope TEXT NOT NULL DEFAULT '',
                    current INTEGER NOT NULL DEFAULT 1,
                    first_seen REAL NOT NULL,
                    last_seen REAL NOT NULL,
                    superseded_at REAL,
                    UNIQUE(kind, value, scope)
                );
                CREATE INDEX identifier_contact ON identifier(contact_id);
                CREATE TABLE contact_username (
                    contact_id INTEGER NOT NULL REFERENCES contact(id),
                    username TEXT NOT NULL,
                    current INTEGER NOT NULL DEFAULT 1,
                    first_seen REAL NOT NULL,
                    last_seen REAL NOT NULL,
                    PRIMARY KEY(contact_id, username)
                ) WITHOUT ROWID;
                CREATE TABLE merge_log (
                    id INTEGER PRIMARY KEY,
                    survivor_id INTEGER NOT NULL,
                    merged_id INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    raw_event_id INTEGER,
                    at REAL NOT NULL
                );
                CREATE TABLE identity_conflict (
                    id INTEGER PRIMARY KEY,
                    contact_id INTEGER NOT NULL,
                    other_contact_id INTEGER,
                    phone TEXT NOT NULL,
                    raw_event_id INTEGER,
                    at REAL NOT NULL
                );
                CREATE TABLE conversation (
                    id INTEGER PRIMARY KEY,
                    channel TEXT NOT NULL,
                    contact_id INTEGER NOT NULL REFERENCES contact(id),
                    message_count INTEGER NOT NULL DEFAULT 0,
                    unread INTEGER NOT NULL DEFAULT 0,
                    last_inbound_at REAL,
                    last_message_at REAL,
                    last_message_preview TEXT,
                    UNIQUE(channel, contact_id)
                );
                CREATE INDEX conversation_activity ON conversation(last_message_at DESC, id DESC);
                CREATE INDEX conversation_contact ON conversation(contact_id);
                CREATE TABLE message (
                    id INTEGER PRIMARY KEY,
                    conversation_id INTEGER NOT NULL REFERENCES conversation(id),
                    channel TEXT NOT NULL,
                    provider_message_id TEXT,
                    direction TEXT NOT NULL,
                    type TEXT NOT NULL,
                    text TEXT NOT NULL,
                    status TEXT,
                    error_code TEXT,
                    error_title TEXT,
                    timestamp REAL NOT NULL,
                    phone TEXT,
                    bsuid TEXT,
                    parent_bsuid TEXT,
                    username TEXT,
                    raw_event_id INTEGER,
                    UNIQUE(channel, provider_message_id)
                );
                CREATE INDEX message_conversation ON message(conversation_id, timestamp DESC, id DESC);
                CREATE TABLE pending_status (
                    id INTEGER PRIMARY KEY,
                    channel TEXT NOT NULL,
                    provider_message_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    error_code TEXT,
                    error_title TEXT,
                    timestamp REAL NOT NULL,
                    raw_event_id INTEGER,
                    UNIQUE(channel, provider_message_id, status)
                );
                CREATE TABLE quarantine (
                    id INTEGER PRIMARY KEY,
                    received_at REAL NOT NULL,
                    provider TEXT,
                    channel TEXT,
                    reason TEXT NOT NULL,
                    body BLOB NOT NULL,
                    size INTEGER NOT NULL,
                    dedupe_key TEXT UNIQUE
                );
                """)
        }
    }
}
