import GRDB

/// v5: which identifiers were learned through a signed channel (`identifier.verified`), the
/// identity changes that arrived unsigned and would have moved verified identifiers (held for
/// the operator, `unverified_change`, a projection), and the operator's approvals of such
/// changes (`approved_change`, operator work: `rebuild` keeps it and applies them again).
/// Identifiers already in a store are taken as verified: nothing unsigned can move them.
enum IdentityTrustSchema {
    static let sql = """
        ALTER TABLE identifier ADD COLUMN verified INTEGER NOT NULL DEFAULT 1;
        CREATE TABLE unverified_change (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER,
            channel TEXT NOT NULL,
            kind TEXT NOT NULL,
            previous TEXT NOT NULL,
            current TEXT NOT NULL,
            change_key TEXT NOT NULL UNIQUE,
            raw_event_id INTEGER NOT NULL,
            at REAL NOT NULL
        );
        CREATE TABLE approved_change (
            change_key TEXT PRIMARY KEY,
            operator TEXT,
            approved_at REAL NOT NULL
        );
        """

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-identity-trust") { db in try db.execute(sql: sql) }
    }
}
