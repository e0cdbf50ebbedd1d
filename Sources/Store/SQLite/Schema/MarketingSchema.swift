import GRDB

/// v9: marketing preferences per customer and business number, as an append-only history
/// (`user_preferences` stop/resume, a failed send with 131050). The newest row per channel is
/// the preference. It is projection, re-derived by `rebuild` from the raw event log.
enum MarketingSchema {
    static let sql = """
        CREATE TABLE marketing_event (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL,
            channel TEXT NOT NULL,
            stopped INTEGER NOT NULL,
            reason TEXT NOT NULL,
            at REAL NOT NULL,
            raw_event_id INTEGER
        );
        CREATE INDEX marketing_event_contact ON marketing_event(contact_id, channel, at);
        """

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-marketing") { db in try db.execute(sql: sql) }
    }
}
