import GRDB

/// v12: every word the full-text index holds (`search_term`), so a typed word can be
/// expanded into the indexed words it begins. FTS5 answers a prefix query (`"order"*`) by
/// merging the whole doclist of every word with that prefix before it can return the newest
/// 200: ~80 ms for a word in all of 1,000,000 messages. The same words as exact terms OR'd
/// together are read newest first and stop at the limit (under a millisecond).
///
/// The words already indexed are read from the index itself (~1 s for 1,000,000 messages);
/// `MessageSearch.catchUp` adds the words of each batch it indexes after that.
enum SearchTermSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-search-terms") { db in
            try db.execute(sql: """
                CREATE TABLE search_term (term TEXT PRIMARY KEY) WITHOUT ROWID;
                CREATE VIRTUAL TABLE temp.message_fts_terms USING fts5vocab(main, message_fts, row);
                INSERT INTO search_term (term) SELECT term FROM temp.message_fts_terms;
                DROP TABLE temp.message_fts_terms;
                """)
        }
    }
}
