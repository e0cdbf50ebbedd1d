import GRDB

/// v7: what the inbox shows beside the projection. `presence` holds short-lived "composing"
/// rows (an operator and until when), so other inboxes on the same store can say "ana is
/// replying…"; rows expire by their time and are never operator work. `message_status_event`
/// is the delivery history of outgoing messages (pending, sent, delivered, read, failed, with
/// when), for the message details.
enum PresenceSchema {
    static let sql = """
        CREATE TABLE presence (
            conversation_id INTEGER NOT NULL,
            operator TEXT NOT NULL,
            until REAL NOT NULL,
            PRIMARY KEY (conversation_id, operator)
        );
        CREATE TABLE message_status_event (
            id INTEGER PRIMARY KEY,
            message_id INTEGER NOT NULL,
            status TEXT NOT NULL,
            error_code TEXT,
            error_title TEXT,
            at REAL NOT NULL
        );
        CREATE INDEX message_status_event_message ON message_status_event(message_id, at);
        """

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-presence-status-history") { db in try db.execute(sql: sql) }
    }
}
