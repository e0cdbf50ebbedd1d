import GRDB

/// v6: triage. Each conversation carries its status (`open`, `snoozed` until a time,
/// `resolved`), assignee and who spoke last, for the list; `conversation_event` is the
/// append-only history of what operators did (status, assignment, read/unread, notes) with
/// who and when. The history is operator work: `rebuild` keeps it, re-attaches it by channel
/// and identifiers, and derives the columns from it again.
enum TeamWorkflowSchema {
    static let sql = """
        ALTER TABLE conversation ADD COLUMN status TEXT NOT NULL DEFAULT 'open';
        ALTER TABLE conversation ADD COLUMN snoozed_until REAL;
        ALTER TABLE conversation ADD COLUMN assignee TEXT;
        ALTER TABLE conversation ADD COLUMN last_direction TEXT;
        CREATE TABLE conversation_event (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            value TEXT,
            until REAL,
            operator TEXT,
            at REAL NOT NULL
        );
        CREATE INDEX conversation_event_conversation ON conversation_event(conversation_id, at);
        """

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-team-workflow") { db in try db.execute(sql: sql) }
    }
}
