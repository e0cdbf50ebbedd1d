import GRDB

/// The words of the full-text index (`search_term`, v12), and how a typed word is expanded
/// into the indexed words it begins.
enum SearchTerms {
    /// The index's tokenizer (v3 created `message_fts` with it); the batch table splits and
    /// folds words exactly as the index does.
    static let tokenizer = "unicode61 remove_diacritics 2"

    /// At most this many words stand in for a prefix; a shorter prefix (`5`, `o`) that begins
    /// more keeps FTS5's prefix query, whose doclists are then many small ones.
    static let maximumExpansion = 128

    /// Adds the words of messages `after`…`upTo` (just indexed). They are split by a
    /// throw-away FTS5 table with the index's tokenizer (no positions, no content), so the
    /// words are the index's own, diacritics removed and case folded alike.
    static func add(_ db: Database, messagesAfter after: Int64, upTo: Int64) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_batch
                USING fts5(text, content = '', detail = none, tokenize = '\(tokenizer)');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_batch_terms USING fts5vocab(temp, search_batch, row);
            """)
        try db.execute(sql: """
            INSERT INTO temp.search_batch(rowid, text) SELECT id, text FROM message WHERE id > ? AND id <= ? AND text IS NOT NULL
            """, arguments: [after, upTo])
        try db.execute(sql: "INSERT OR IGNORE INTO search_term (term) SELECT term FROM temp.search_batch_terms")
        try db.execute(sql: "INSERT INTO temp.search_batch(search_batch) VALUES('delete-all')")
    }

    /// The indexed words that begin with `word`, or nil when it cannot be expanded here: it is
    /// not plain ASCII letters and digits (for those, the tokenizer only lowercases, so the
    /// typed word is the indexed prefix), or it begins more than `maximumExpansion` words.
    static func expansion(of word: Substring, db: Database) throws -> [String]? {
        guard let prefix = foldedPrefix(word), let last = prefix.unicodeScalars.last,
              let next = Unicode.Scalar(last.value + 1) else { return nil }
        let end = String(prefix.unicodeScalars.dropLast()) + String(Character(next))
        let terms = try String.fetchAll(db, sql: "SELECT term FROM search_term WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
                                        arguments: [prefix, end, maximumExpansion + 1])
        return terms.count > maximumExpansion ? nil : terms
    }

    /// `Order66` → `order66`; nil unless every character is an ASCII letter or digit.
    static func foldedPrefix(_ word: Substring) -> String? {
        guard !word.isEmpty, word.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        else { return nil }
        return word.lowercased()
    }
}
