import GRDB

/// v8: the triage views read their window from an index, whatever their size: Resolved and
/// Snoozed by status, Mine by assignee, each in activity order — without these an empty view
/// scans every conversation. The counts read a covering index instead of the table. Our
/// own replies get a partial index, so a list row finds whether the last one failed without
/// reading the conversation's history (inbound messages pay nothing for it).
enum TriageIndexSchema {
    static let sql = """
        CREATE INDEX conversation_status_activity ON conversation(status, last_message_at DESC, id DESC);
        CREATE INDEX conversation_assignee_activity ON conversation(assignee, last_message_at DESC, id DESC);
        CREATE INDEX conversation_triage_counts ON conversation(status, snoozed_until, assignee, unread);
        CREATE INDEX message_outbound ON message(conversation_id, timestamp DESC, id DESC) WHERE direction = 'out';
        """

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-triage-indexes") { db in try db.execute(sql: sql) }
    }
}
