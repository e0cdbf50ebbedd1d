import GRDB

/// v11: a trigram index over what "find" matches — each contact's name, username and every
/// identifier value (phones, BSUIDs, parent BSUIDs), one per line. Finding a name that no
/// conversation has walked all 50,000 conversations with LIKE (p99 ~200 ms on the 1,000,000
/// message store); the index answers which contacts match in a few milliseconds.
///
/// Triggers keep it exact on every write path (ingest, merges, identity changes); rebuild
/// drops them while it re-projects and fills the index once (`SQLiteStore.reprojecting`).
/// They fire only when a matched column really changes: the identifier upsert each message
/// makes (`last_seen`) leaves the index alone.
enum ContactFindSchema {
    /// The indexed text of contact `id` (an SQL expression over `k`, the contact row).
    private static let document = """
        coalesce(k.name, '') || char(10) || coalesce(k.username, '') || char(10) ||
        coalesce((SELECT group_concat(i.value, char(10)) FROM identifier i WHERE i.contact_id = k.id), '')
        """

    private static func refresh(_ id: String) -> String {
        """
        DELETE FROM contact_find WHERE rowid = \(id);
        INSERT INTO contact_find(rowid, text) SELECT k.id, \(document) FROM contact k WHERE k.id = \(id);
        """
    }

    static var sql: String { ([table, fill] + triggers.map(\.sql)).joined(separator: "\n") }

    static let table = "CREATE VIRTUAL TABLE contact_find USING fts5(text, tokenize = 'trigram');"

    /// Indexes every contact in one statement (the migration, and the end of a rebuild).
    static let fill = "INSERT INTO contact_find(rowid, text) SELECT k.id, \(document) FROM contact k;"

    /// The triggers that keep the index exact, by name: a rebuild drops them while it
    /// re-projects, and indexes the contacts once at the end.
    static var triggers: [(name: String, sql: String)] {
        [
            ("contact_find_contact_insert", """
                CREATE TRIGGER contact_find_contact_insert AFTER INSERT ON contact BEGIN
                    \(refresh("new.id"))
                END;
                """),
            ("contact_find_contact_update", """
                CREATE TRIGGER contact_find_contact_update AFTER UPDATE OF name, username ON contact
                WHEN old.name IS NOT new.name OR old.username IS NOT new.username BEGIN
                    \(refresh("new.id"))
                END;
                """),
            ("contact_find_contact_delete", """
                CREATE TRIGGER contact_find_contact_delete AFTER DELETE ON contact BEGIN
                    DELETE FROM contact_find WHERE rowid = old.id;
                END;
                """),
            ("contact_find_identifier_insert", """
                CREATE TRIGGER contact_find_identifier_insert AFTER INSERT ON identifier BEGIN
                    \(refresh("new.contact_id"))
                END;
                """),
            ("contact_find_identifier_update", """
                CREATE TRIGGER contact_find_identifier_update AFTER UPDATE OF contact_id, value ON identifier
                WHEN old.contact_id IS NOT new.contact_id OR old.value IS NOT new.value BEGIN
                    \(refresh("old.contact_id"))
                    \(refresh("new.contact_id"))
                END;
                """),
            ("contact_find_identifier_delete", """
                CREATE TRIGGER contact_find_identifier_delete AFTER DELETE ON identifier BEGIN
                    \(refresh("old.contact_id"))
                END;
                """),
        ]
    }

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-contact-find") { db in try db.execute(sql: sql) }
    }
}
