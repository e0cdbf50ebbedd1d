import GRDB

extension RelationalStore {
    /// How many webhook bodies the raw event log holds (the receiver's tests and benchmark
    /// compare it with the number of acknowledged webhooks).
    public func rawEventCount() throws -> Int {
        try read { db in try db.value(Int.self, sql: "SELECT COUNT(*) FROM raw_event") ?? 0 }
    }

    /// Whether this exact body is in the raw event log (committed).
    public func containsRawEvent(body: [UInt8]) throws -> Bool {
        let key = rawLogKey(of: body)
        return try read { db in
            try db.value(Bool.self, sql: "SELECT 1 FROM raw_event WHERE dedupe_key = ?", arguments: [key]) ?? false
        }
    }

    /// The headers kept with a raw event, as stored (a JSON object), or `nil`.
    public func rawEventHeaders(body: [UInt8]) throws -> String? {
        let key = rawLogKey(of: body)
        return try read { db in
            try db.value(String.self, sql: "SELECT headers FROM raw_event WHERE dedupe_key = ?", arguments: [key])
        }
    }
}
