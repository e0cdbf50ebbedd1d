import Dispatch
import Foundation
import Identity
import Testing
import Webhooks
@_spi(Testing) import Store

/// Two ingesters on one PostgreSQL database at once (SPEC §10) give the contacts one ingester
/// gives taking everything in order: merges are never lost, a retry delivered to both is
/// applied once and acknowledged by both, identity changes land whatever interleaves them.
@Suite("Team store concurrency", .enabled(if: PostgresTestServer.adminURL != nil))
struct TeamStoreConcurrencyTests {
    static let channels = StoreFixture.channels
    static let metadata = #""messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"}"#

    static func body(_ value: String) -> RawWebhook {
        let text = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"#
            + metadata + "," + value + "}}]}]}"
        return RawWebhook(body: Array(text.utf8), receivedAt: Date(timeIntervalSince1970: 1_795_200_000))
    }

    static func message(_ id: String, customer: Int, phone: String?, bsuid: String?, at time: Int) -> RawWebhook {
        var contact = #"{"profile":{"name":"Customer \#(customer)"}"#
        var from = ""
        if let bsuid { contact += #","user_id":"\#(bsuid)""#; from += #""from_user_id":"\#(bsuid)","# }
        if let phone { contact += #","wa_id":"\#(phone)""#; from += #""from":"\#(phone)","# }
        return body(#""contacts":[\#(contact)}],"messages":[{\#(from)"id":"\#(id)","timestamp":"\#(time)","type":"text","text":{"body":"m \#(id)"}}]"#)
    }

    static func numberChange(_ id: String, from old: String, to new: String, at time: Int) -> RawWebhook {
        body(#""messages":[{"from":"\#(old)","id":"\#(id)","timestamp":"\#(time)","type":"system","system":{"body":"User changed number","type":"user_changed_number","wa_id":"\#(new)"}}]"#)
    }

    /// Per customer: a BSUID-only message and a phone-only message (two contacts), then one
    /// carrying both (the merge), delivered to BOTH ingesters; every second customer then
    /// changes number and writes from the new one.
    static func workload(customers: Int, seed: UInt64) -> (a: [RawWebhook], b: [RawWebhook], serial: [RawWebhook]) {
        var random = SeededRandom(seed: seed)
        var a: [RawWebhook] = []
        var b: [RawWebhook] = []
        var serial: [RawWebhook] = []
        for i in 0..<customers {
            let phone = "1650555\(String(format: "%04d", i))"
            let newPhone = "1650666\(String(format: "%04d", i))"
            let bsuid = "US.1349120865530\(String(format: "%06d", i))"
            let t = 1_795_190_000 + i * 100
            let byBSUID = message("wamid.\(i).1", customer: i, phone: nil, bsuid: bsuid, at: t)
            let byPhone = message("wamid.\(i).2", customer: i, phone: phone, bsuid: nil, at: t + 1)
            let both = message("wamid.\(i).3", customer: i, phone: phone, bsuid: bsuid, at: t + 2)
            serial += [byBSUID, byPhone, both]
            // Which ingester sees which half is random; the merge goes to both.
            if random.next() % 2 == 0 { a.append(byBSUID); b.append(byPhone) } else { b.append(byBSUID); a.append(byPhone) }
            a.append(both)
            b.append(both)
            if i % 2 == 0 {
                let change = numberChange("wamid.\(i).4", from: phone, to: newPhone, at: t + 3)
                let fromNew = message("wamid.\(i).5", customer: i, phone: newPhone, bsuid: bsuid, at: t + 4)
                serial += [change, fromNew]
                if random.next() % 2 == 0 { a += [change, fromNew] } else { b += [change, fromNew] }
            }
        }
        return (a, b, serial)
    }

    /// Contacts as their identifier sets, conversations as message counts: what must not
    /// depend on which receiver took which webhook.
    static func snapshot(_ store: any InboxStore) throws -> [String] {
        let contacts = try store.contacts().map { contact in
            contact.identifiers.map { "\($0.kind.rawValue):\($0.value):\($0.current)" }.sorted().joined(separator: ",")
        }
        let conversations = try store.conversations().map { "\($0.displayName)|\($0.messageCount)" }
        return contacts.sorted() + conversations.sorted() + ["raw \(try store.rawEventCount())"]
    }

    static func ingest(_ webhooks: [RawWebhook], into store: any InboxStore, seed: UInt64) throws -> [IngestOutcome] {
        var random = SeededRandom(seed: seed)
        var outcomes: [IngestOutcome] = []
        var index = 0
        while index < webhooks.count {
            let size = Int(random.next() % 3) + 1
            let batch = webhooks[index..<min(webhooks.count, index + size)].map { PreparedWebhook($0) }
            outcomes += try store.ingest(batch, channels: channels)
            index += size
        }
        return outcomes
    }

    @Test func twoIngestersAtOnceGiveTheSerialContacts() throws {
        let admin = try #require(PostgresTestServer.adminURL)
        for round in 0..<12 {
            let work = Self.workload(customers: 16, seed: UInt64(round + 1))
            let serialStore = try PostgresStore(url: try #require(URLComponents(string: try PostgresStore.createScratchDatabase(adminURL: admin))))
            _ = try Self.ingest(work.serial, into: serialStore, seed: 99)
            let expected = try Self.snapshot(serialStore)

            let shared = try PostgresStore.createScratchDatabase(adminURL: admin)
            let first = try PostgresStore(url: try #require(URLComponents(string: shared)))
            let second = try PostgresStore(url: try #require(URLComponents(string: shared)))
            let results = ConcurrentResults()
            DispatchQueue.concurrentPerform(iterations: 2) { side in
                results.set(side, Result {
                    try Self.ingest(side == 0 ? work.a : work.b, into: side == 0 ? first : second, seed: UInt64(round * 7 + side))
                })
            }
            for side in 0..<2 {
                let outcomes = try results.get(side)
                for outcome in outcomes {
                    switch outcome {
                    case .ingested, .duplicate: continue
                    default: Issue.record("round \(round) side \(side): \(outcome)")
                    }
                }
            }
            #expect(try Self.snapshot(first) == expected, "round \(round)")
            #expect(try first.rawEventCount() == work.serial.count, "each webhook logged once")
        }
    }
}

/// Both sides' results, written from two threads.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<[IngestOutcome], any Error>] = [:]

    func set(_ side: Int, _ result: Result<[IngestOutcome], any Error>) {
        lock.lock()
        results[side] = result
        lock.unlock()
    }

    func get(_ side: Int) throws -> [IngestOutcome] {
        lock.lock()
        defer { lock.unlock() }
        guard let result = results[side] else { throw StoreOpenError("side \(side) did not finish") }
        return try result.get()
    }
}

/// A small deterministic generator (a 64-bit LCG's high bits), so a failing round replays.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}
