import Foundation
public import Identity
import JSON
import Webhooks

extension RelationalStore {
    /// Ingests prepared webhooks in ONE transaction (group commit): a webhook is applied whole
    /// or not at all, and nothing is acknowledged before the transaction commits.
    ///
    /// The batch first runs without a savepoint per webhook (they were an eighth of replay's
    /// time). If one webhook's statement fails, that whole transaction rolls back and the
    /// batch runs again with each webhook in its own savepoint, so the one that broke is
    /// quarantined and the others land.
    public func ingest(_ batch: [PreparedWebhook], channels: ChannelDirectory) throws -> [IngestOutcome] {
        try ingestRetrying({ db in try ingest(batch, channels: channels, db: db, isolation: .together) },
                           again: { batch }, channels: channels)
    }

    /// Runs `together` in one transaction without savepoints. If one webhook's statement
    /// fails, the webhooks `again` gives run in a new transaction with a savepoint each.
    private func ingestRetrying(_ together: (any SQLSession) throws -> [IngestOutcome], again: () -> [PreparedWebhook],
                                channels: ChannelDirectory) throws -> [IngestOutcome] {
        do {
            do {
                return try write(together)
            } catch is WebhookStatementFailure {
                writeCache.withCache { $0.clear() }
                let batch = again()
                return try write { db in try ingest(batch, channels: channels, db: db, isolation: .savepointEach) }
            }
        } catch {
            // The transaction rolled back: what the cache learned in it is not in the store.
            writeCache.withCache { $0.clear() }
            throw error
        }
    }

    /// Ingests webhooks taken from `next` in ONE transaction, as `ingest(_:channels:)` does
    /// for one batch, while holding only the bytes of those already written (replay: large
    /// transactions without their decoded webhooks all in memory). `next(n)` returns up to
    /// `n` more, empty when there are none; at most `limit` are taken. If a statement fails,
    /// the transaction rolls back and runs again from the kept bytes, with a savepoint per
    /// webhook (a savepoint per chunk would copy every page it touches, as many as per webhook).
    public func ingest(pulling next: (Int) throws -> [PreparedWebhook], upTo limit: Int,
                       channels: ChannelDirectory) throws -> [IngestOutcome] {
        var taken: [PreparedWebhook.Retained] = []
        return try ingestRetrying({ db in
            try writeCache.withCache { cache in
                try beginIngest(db, cache: cache)
                var outcomes: [IngestOutcome] = []
                while outcomes.count < limit {
                    let chunk = try next(limit - outcomes.count)
                    guard !chunk.isEmpty else { break }
                    taken += chunk.map(\.retained)
                    outcomes += try ingestStarted(chunk, channels: channels, db: db, cache: cache, isolation: .together)
                }
                return outcomes
            }
        }, again: { taken.map(\.prepared) }, channels: channels)
    }

    /// Ingests `batch` inside the caller's transaction (ingest, rebuild).
    func ingest(_ batch: [PreparedWebhook], channels: ChannelDirectory, db: any SQLSession,
                isolation: WebhookIsolation = .savepointEach) throws -> [IngestOutcome] {
        try writeCache.withCache { cache in
            try beginIngest(db, cache: cache)
            return try ingestStarted(batch, channels: channels, db: db, cache: cache, isolation: isolation)
        }
    }

    /// Ingests `batch` in a transaction `beginIngest` has seen.
    private func ingestStarted(_ batch: [PreparedWebhook], channels: ChannelDirectory, db: any SQLSession,
                               cache: IngestCache, isolation: WebhookIsolation) throws -> [IngestOutcome] {
        var outcomes: [IngestOutcome] = []
        outcomes.reserveCapacity(batch.count)
        for webhook in batch {
            outcomes.append(try ingestOne(webhook, channels: channels, db: db, cache: cache, isolation: isolation))
        }
        if isolation == .together {
            // A pipelined statement (PostgreSQL) may fail only now: it is still one webhook's.
            do { try db.flush() } catch where db.statementFailure(error) != nil { throw WebhookStatementFailure() }
        }
        return outcomes
    }

    private func ingestOne(_ webhook: PreparedWebhook, channels: ChannelDirectory,
                           db: any SQLSession, cache: IngestCache, isolation: WebhookIsolation) throws -> IngestOutcome {
        let raw = webhook.raw
        let decoded: DecodedBody
        switch webhook.decoded {
        case .failure(let rejection):
            // A logged event stays in the log even if it no longer decodes (rebuild).
            if webhook.loggedEventID != nil { return .quarantined(reason: rejection.description) }
            return try quarantine(raw, key: webhook.dedupeKey, reason: rejection.description, db: db)
        case .success(let body):
            decoded = body
        }
        if let handshake = decoded.webhook.handshake { return .handshake(handshake) }
        let routed = EventRouting.route(decoded.webhook.events, channelName: raw.channelName, channels: channels)
        if let logged = webhook.loggedEventID {
            var writer = IngestWriter(db: db, rawEventID: logged, cache: cache)
            let (applied, skipped) = try writer.apply(routed.matched)
            return .ingested(applied: applied, skipped: skipped)
        }
        if let name = raw.channelName, channels.named(name) == nil {
            return try quarantine(raw, key: webhook.dedupeKey, reason: "unknown channel \"\(name)\" (not in the config)", db: db)
        }
        if decoded.webhook.isIgnorable {
            // Valid, but nothing for the inbox: kept in the log (a later version may use it), not applied.
            guard try logRawEvent(webhook, provider: decoded.provider, db: db) != nil else { return .duplicate }
            return .ignored(reason: decoded.webhook.ignored.joined(separator: "; "))
        }
        if routed.matched.isEmpty {
            // Logged before, when the config still routed it: a duplicate, not a new quarantine.
            if try db.value(Bool.self, sql: "SELECT 1 FROM raw_event WHERE dedupe_key = ?", arguments: [webhook.logKey]) == true {
                return .duplicate
            }
            return try quarantine(raw, key: webhook.dedupeKey, provider: decoded.provider, reason: (routed.unmatched + decoded.webhook.rejected).joined(separator: "; "), db: db)
        }
        let outcome: IngestOutcome
        switch isolation {
        case .together:
            do {
                guard let logged = try logRawEvent(webhook, provider: decoded.provider, db: db) else { return .duplicate }
                var writer = IngestWriter(db: db, rawEventID: logged, cache: cache)
                let (applied, skipped) = try writer.apply(routed.matched)
                outcome = .ingested(applied: applied, skipped: skipped)
            } catch {
                guard db.statementFailure(error) != nil else { throw error }
                throw WebhookStatementFailure()
            }
        case .savepointEach:
            // Cached statements: this runs for every webhook of the batch.
            try db.run(sql: "SAVEPOINT webhook")
            do {
                // Logging is the dedupe check: a known body inserts nothing (one statement, not two).
                guard let logged = try logRawEvent(webhook, provider: decoded.provider, db: db) else {
                    try db.run(sql: "RELEASE SAVEPOINT webhook")
                    return .duplicate
                }
                var writer = IngestWriter(db: db, rawEventID: logged, cache: cache)
                let (applied, skipped) = try writer.apply(routed.matched)
                // Every statement of this webhook has answered before its savepoint is released,
                // so an error is this webhook's (and quarantines it), never the next one's.
                try db.flush()
                try db.run(sql: "RELEASE SAVEPOINT webhook")
                outcome = .ingested(applied: applied, skipped: skipped)
            } catch {
                guard let failure = db.statementFailure(error) else { throw error }
                try? db.flush()
                try db.run(sql: "ROLLBACK TO SAVEPOINT webhook")
                try db.run(sql: "RELEASE SAVEPOINT webhook")
                cache.clear()
                return try quarantine(raw, key: webhook.dedupeKey, provider: decoded.provider,
                                      reason: "store error: \(failure)", db: db)
            }
        }
        let unusable = routed.unmatched + decoded.webhook.rejected
        if !unusable.isEmpty {
            _ = try quarantine(raw, key: "partial:" + webhook.dedupeKey, provider: decoded.provider, reason: "partly unusable: " + unusable.joined(separator: "; "), db: db)
        }
        return outcome
    }

    /// Appends the webhook to the raw event log; returns its id, or nil when the same body is
    /// already logged (a duplicate).
    private func logRawEvent(_ webhook: PreparedWebhook, provider: ProviderKind, db: any SQLSession) throws -> Int64? {
        let raw = webhook.raw
        return try db.value(Int64.self,
            sql: """
                INSERT INTO raw_event (provider, channel, received_at, dedupe_key, headers, body)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
                """,
            arguments: [provider.rawValue, raw.channelName, raw.receivedAt.timeIntervalSince1970,
                        webhook.logKey, HeaderText.encode(raw.headers), Data(raw.body)])
    }

    /// Keeps the raw body with the reason; the same body quarantined twice is kept once.
    private func quarantine(_ raw: RawWebhook, key: String, provider: ProviderKind? = nil, reason: String,
                            db: any SQLSession) throws -> IngestOutcome {
        try db.run(
            sql: """
                INSERT INTO quarantine (received_at, provider, channel, reason, body, size, dedupe_key)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING
                """,
            arguments: [raw.receivedAt.timeIntervalSince1970, (provider ?? raw.provider)?.rawValue, raw.channelName,
                        reason, Data(raw.body), raw.size, key])
        return .quarantined(reason: reason)
    }
}

/// How the webhooks of one transaction are kept apart.
enum WebhookIsolation {
    /// No savepoints: a statement failure fails the whole transaction (`WebhookStatementFailure`).
    case together
    /// Each webhook in its own savepoint: a statement failure quarantines that webhook alone.
    case savepointEach
}

/// A webhook broke a statement in a transaction without savepoints: it is rolled back and
/// run again with them.
struct WebhookStatementFailure: Error {}

/// Headers kept with a raw event, as a small JSON object.
enum HeaderText {
    static func encode(_ headers: [String: String]) -> String? {
        guard !headers.isEmpty else { return nil }
        return JSONValue.object(headers.mapValues { .string($0) }).serialized()
    }
}
