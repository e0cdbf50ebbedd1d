import GRDB

/// v3: what the terminal inbox adds: per-conversation drafts and a full-text index of
/// message text. The index is filled lazily (see `MessageSearch.catchUp`), never by triggers,
/// so ingestion keeps its speed; `search_index_state` remembers how far it got.
enum BrowseSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-browse") { db in
            try db.execute(sql: """
                CREATE TABLE draft (
                    conversation_id INTEGER PRIMARY KEY REFERENCES conversation(id),
                    text TEXT NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE VIRTUAL TABLE message_fts USING fts5(
                    text, content='message', content_rowid='id',
                    tokenize='\(SearchTerms.tokenizer)'
                );
                CREATE TABLE search_index_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    last_message_id INTEGER NOT NULL
                );
                INSERT INTO search_index_state (id, last_message_id) VALUES (1, 0);
                """)
        }
    }
}
