import Foundation
import Testing
import Identity
import Webhooks
@_spi(Testing) @testable import Store

/// The trigram index behind "find" (`contact_find`, migration v11) stays exact through every
/// identity write, and its two plans (the index's contacts sorted, or the activity walk)
/// answer alike.
@Suite struct ContactFindIndexTests {
    static let channels = StoreFixture.channels

    /// A Meta message; `bsuid` and `phone` as given (a phone alone is the pre-BSUID shape).
    static func inbound(_ id: String, name: String, bsuid: String?, phone: String? = nil, at time: Int) -> RawWebhook {
        var contact: [String] = [#""profile":{"name":"\#(name)"}"#]
        var sender: [String] = []
        if let bsuid {
            contact.append(#""user_id":"\#(bsuid)""#)
            sender.append(#""from_user_id":"\#(bsuid)""#)
        }
        if let phone {
            contact.append(#""wa_id":"\#(phone)""#)
            sender.append(#""from":"\#(phone)""#)
        }
        let body = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
            "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
            "contacts":[{\(contact.joined(separator: ","))}],
            "messages":[{\(sender.joined(separator: ",")),"id":"\(id)","timestamp":"\(time)","type":"text","text":{"body":"hi"}}]}}]}]}
            """
        return RawWebhook(body: Array(body.utf8), receivedAt: StoreFixture.receivedAt)
    }

    /// Every contact has one index row, holding exactly its name, username and identifiers.
    static func indexMatchesTheTables(_ store: SQLiteStore) throws -> Bool {
        try store.read { db in
            let stale = try db.value(Int.self, sql: """
                SELECT count(*) FROM contact k LEFT JOIN contact_find f ON f.rowid = k.id
                WHERE f.text IS NOT coalesce(k.name, '') || char(10) || coalesce(k.username, '') || char(10) ||
                    coalesce((SELECT group_concat(i.value, char(10)) FROM identifier i WHERE i.contact_id = k.id), '')
                """) ?? -1
            let rows = try db.value(Int.self, sql: "SELECT count(*) FROM contact_find") ?? -1
            let contacts = try db.value(Int.self, sql: "SELECT count(*) FROM contact") ?? -2
            return stale == 0 && rows == contacts
        }
    }

    @Test func theIndexFollowsRenamesNewIdentifiersMergesAndRebuild() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        func found(_ text: String) throws -> [String] {
            try store.findConversations(matching: text, limit: 10).map(\.displayName)
        }
        _ = try store.ingest(Self.inbound("wamid.E1", name: "Émile Zola", bsuid: "US.13491208655302749001", at: 1_795_190_000),
                             channels: Self.channels)
        #expect(try found("émile") == ["Émile Zola"])
        #expect(try found("ÉMILE") == ["Émile Zola"])   // case-folded beyond ASCII
        #expect(try found("zola") == ["Émile Zola"])
        #expect(try found("650555").isEmpty)

        // The same customer shares a phone later: the new identifier is found.
        _ = try store.ingest(Self.inbound("wamid.E2", name: "Émile Zola", bsuid: "US.13491208655302749001",
                                          phone: "16505550123", at: 1_795_190_100), channels: Self.channels)
        #expect(try found("+1 650 555") == ["Émile Zola"])
        // A new profile name replaces the old one in the index.
        _ = try store.ingest(Self.inbound("wamid.E3", name: "E. Z.", bsuid: "US.13491208655302749001", at: 1_795_190_200),
                             channels: Self.channels)
        #expect(try found("zola").isEmpty)
        #expect(try found("9001") == ["E. Z."])

        // A phone-only customer and a BSUID-only one, then one message with both: they merge.
        _ = try store.ingest(Self.inbound("wamid.P1", name: "Pat Doe", bsuid: nil, phone: "16505557777", at: 1_795_190_300),
                             channels: Self.channels)
        _ = try store.ingest(Self.inbound("wamid.P2", name: "Pat Doe", bsuid: "US.13491208655302749002", at: 1_795_190_350),
                             channels: Self.channels)
        #expect(try found("pat doe").count == 2)
        _ = try store.ingest(Self.inbound("wamid.P3", name: "Pat Doe", bsuid: "US.13491208655302749002",
                                          phone: "16505557777", at: 1_795_190_400), channels: Self.channels)
        #expect(try found("pat doe") == ["Pat Doe"])
        #expect(try found("5557777") == ["Pat Doe"])
        #expect(try found("49002") == ["Pat Doe"])
        #expect(try Self.indexMatchesTheTables(store))

        let before = try store.contacts().count
        _ = try store.rebuild(channels: Self.channels)
        #expect(try store.contacts().count == before)
        #expect(try Self.indexMatchesTheTables(store))
        #expect(try found("pat") == ["Pat Doe"])
        #expect(try found("9001") == ["E. Z."])
    }

    @Test func theIndexPlanAndTheActivityWalkAgree() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        // 1,100 customers, customer n wrote at t0 + n (the newest is 1100).
        let webhooks = (1...1100).map { n in
            PreparedWebhook(Self.inbound("wamid.C\(n)", name: "Customer \(n)", bsuid: "US.\(20_000_000 + n)",
                                         at: 1_795_000_000 + n))
        }
        _ = try store.ingest(webhooks, channels: Self.channels)
        #expect(try Self.indexMatchesTheTables(store))

        // "customer 10": 10, 100–109, 1000–1099, 111 contacts: read from the index.
        let narrow = try store.read { db in try store.indexedContactMatches("customer 10", limit: SQLiteStore.narrowFind, db: db) }
        #expect(narrow?.count == 111)
        let expectedNarrow = (1...1100).filter { "Customer \($0)".contains("Customer 10") }.sorted(by: >).prefix(50)
        #expect(try store.findConversations(matching: "customer 10", limit: 50).map(\.displayName)
                == expectedNarrow.map { "Customer \($0)" })

        // "customer": all 1,100 match, more than the index plan takes: the walk answers.
        let broad = try store.read { db in try store.indexedContactMatches("customer", limit: SQLiteStore.narrowFind, db: db) }
        #expect(broad == nil)
        #expect(try store.findConversations(matching: "customer", limit: 50).map(\.displayName)
                == (1051...1100).reversed().map { "Customer \($0)" })

        // A needle shorter than a trigram walks too, and a miss is empty either way.
        #expect(try store.read { db in try store.indexedContactMatches("10", limit: 1000, db: db) } == nil)
        let expected109 = (1...1100).filter { "Customer \($0)\nUS.\(20_000_000 + $0)".contains("109") }.sorted(by: >)
        #expect(try store.findConversations(matching: "109", limit: 50).map(\.displayName)
                == expected109.map { "Customer \($0)" })
        #expect(try store.findConversations(matching: "nobody at all", limit: 50).isEmpty)
    }
}
