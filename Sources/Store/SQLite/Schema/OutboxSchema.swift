import GRDB

/// v2: the outbox. Each reply is a `message` row (direction 'out', status 'pending') plus
/// one `outbox` row holding the request to send (method, url, body — never headers, which
/// carry secrets and are rebuilt from the environment at send time).
///
/// `state`: 'queued' (written, not yet tried) → 'sending' (claimed by one sender) → 'done'.
/// A row left in 'sending' by a crash is never resent automatically: the provider may have
/// taken it, and a double send is worse than a visible failure.
/// (v4 adds the foreign key to `message` and the sender lease.)
enum OutboxSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-outbox") { db in
            try db.execute(sql: """
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY,
                    message_id INTEGER NOT NULL UNIQUE,
                    channel TEXT NOT NULL,
                    provider TEXT NOT NULL,
                    request TEXT NOT NULL,
                    state TEXT NOT NULL DEFAULT 'queued',
                    attempts INTEGER NOT NULL DEFAULT 0,
                    http_status INTEGER,
                    error_message TEXT,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE INDEX outbox_state ON outbox(state, id);
                """)
        }
    }
}
