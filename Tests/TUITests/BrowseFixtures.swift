import Foundation
import GRDB
@_spi(Testing) @testable import Store

/// A throw-away store filled by SQL, for the browse queries and the runtime's reader.
struct BrowseFixtures {
    let store: SQLiteStore
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tui-\(UUID().uuidString).sqlite").path
        store = try SQLiteStore(path: path)
    }

    func remove() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @discardableResult
    func contact(name: String?, username: String? = nil, phone: String? = nil, bsuid: String? = nil, parent: String? = nil, country: String? = nil) throws -> Int64 {
        try store.database.write { db in
            try db.execute(sql: "INSERT INTO contact (name, username, country, created_at, updated_at) VALUES (?, ?, ?, 0, 0)",
                           arguments: [name, username, country])
            let id = db.lastInsertedRowID
            for (kind, value, scope) in [("phone", phone, ""), ("bsuid", bsuid, "acme"), ("parent_bsuid", parent, "acme-group")] {
                guard let value else { continue }
                try db.execute(sql: """
                    INSERT INTO identifier (contact_id, kind, value, scope, current, first_seen, last_seen)
                    VALUES (?, ?, ?, ?, 1, 0, 0)
                    """, arguments: [id, kind, value, scope])
            }
            return id
        }
    }

    @discardableResult
    func conversation(contact: Int64, channel: String = "support", unread: Int = 0, at time: Double?, preview: String? = nil) throws -> Int64 {
        try store.database.write { db in
            try db.execute(sql: """
                INSERT INTO conversation (channel, contact_id, unread, last_message_at, last_message_preview)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [channel, contact, unread, time, preview])
            return db.lastInsertedRowID
        }
    }

    @discardableResult
    func message(conversation: Int64, text: String, at time: Double, direction: String = "in", status: String? = nil, errorCode: String? = nil) throws -> Int64 {
        try store.database.write { db in
            try db.execute(sql: """
                INSERT INTO message (conversation_id, channel, direction, type, text, status, error_code, timestamp)
                VALUES (?, 'support', ?, 'text', ?, ?, ?, ?)
                """, arguments: [conversation, direction, text, status, errorCode, time])
            return db.lastInsertedRowID
        }
    }
}
