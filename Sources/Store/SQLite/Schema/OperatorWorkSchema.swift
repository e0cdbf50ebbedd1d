import GRDB

/// v4: operator work is data, not projection. The outbox gets its foreign key to the reply's
/// `message` row back (`rebuild` no longer deletes outgoing rows) and the sender's lease:
/// host, process id and an expiry the sender renews while the send runs, so the next process
/// that opens the store can tell a crashed send (`interrupted`) from a running one.
enum OperatorWorkSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-operator-work") { db in
            try db.execute(sql: """
                DELETE FROM outbox WHERE message_id NOT IN (SELECT id FROM message);
                CREATE TABLE outbox_v4 (
                    id INTEGER PRIMARY KEY,
                    message_id INTEGER NOT NULL UNIQUE REFERENCES message(id) ON DELETE CASCADE,
                    channel TEXT NOT NULL,
                    provider TEXT NOT NULL,
                    request TEXT NOT NULL,
                    state TEXT NOT NULL DEFAULT 'queued',
                    attempts INTEGER NOT NULL DEFAULT 0,
                    http_status INTEGER,
                    error_message TEXT,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    lease_host TEXT,
                    lease_pid INTEGER,
                    lease_expires_at REAL
                );
                INSERT INTO outbox_v4 (id, message_id, channel, provider, request, state, attempts, http_status,
                                       error_message, created_at, updated_at)
                    SELECT id, message_id, channel, provider, request, state, attempts, http_status,
                           error_message, created_at, updated_at FROM outbox;
                DROP TABLE outbox;
                ALTER TABLE outbox_v4 RENAME TO outbox;
                CREATE INDEX outbox_state ON outbox(state, id);
                """)
        }
    }
}
