import GRDB
import Foundation
import Identity
import Testing
@_spi(Testing) @testable import Store

@Suite("Store browse queries")
struct BrowseQueryTests {
    /// 25 conversations, one per minute, every third unread, one without any message time.
    func listFixture() throws -> (BrowseFixtures, [Int64]) {
        let f = try BrowseFixtures()
        var ids: [Int64] = []
        for i in 0..<25 {
            let contact = try f.contact(name: "C\(i)", phone: i % 2 == 0 ? "1555000\(i)" : nil, bsuid: "US.\(1000 + i)")
            ids.append(try f.conversation(contact: contact, unread: i % 3 == 0 ? 1 : 0, at: 1000 + Double(i) * 60, preview: "hi \(i)"))
        }
        let silent = try f.contact(name: "Silent", bsuid: "US.999")
        ids.append(try f.conversation(contact: silent, at: nil))
        return (f, ids)
    }

    @Test func keysetPagesWalkTheWholeListOnceInOrder() throws {
        let (f, ids) = try listFixture()
        defer { f.remove() }
        var seen: [Int64] = []
        var page = try f.store.conversations(from: .top, limit: 4, unreadOnly: false)
        while let last = page.last {
            seen += page.map(\.id)
            page = try f.store.conversations(from: .after(last.key), limit: 4, unreadOnly: false)
        }
        // Newest first, the conversation without messages last.
        #expect(seen == Array(ids.dropLast().reversed()) + [ids.last!])
    }

    @Test func pagingBackwardsReturnsTheRowsAboveNewestFirst() throws {
        let (f, ids) = try listFixture()
        defer { f.remove() }
        let middle = try #require(try f.store.conversation(id: ids[10]))
        let above = try f.store.conversations(from: .before(middle.key), limit: 3, unreadOnly: false)
        #expect(above.map(\.id) == [ids[13], ids[12], ids[11]])
        let bottom = try f.store.conversations(from: .bottom, limit: 3, unreadOnly: false)
        #expect(bottom.map(\.id) == [ids[1], ids[0], ids[25]])
    }

    @Test func unreadFilterAndCounts() throws {
        let (f, _) = try listFixture()
        defer { f.remove() }
        let unread = try f.store.conversations(from: .top, limit: 100, unreadOnly: true)
        #expect(unread.count == 9)
        #expect(unread.allSatisfy { $0.unread > 0 })
        let counts = try f.store.counts()
        #expect(counts.conversations == 26)
        #expect(counts.unreadConversations == 9)
    }

    @Test func rowsCarryTheBestIdentifierAndPhonelessContactsAreListed() throws {
        let f = try BrowseFixtures()
        defer { f.remove() }
        let withPhone = try f.contact(name: nil, username: "@pat", phone: "15550001", bsuid: "US.1")
        let phoneless = try f.contact(name: nil, bsuid: "US.13491208655302741918", parent: "US.ENT.1181")
        try f.conversation(contact: withPhone, at: 10)
        try f.conversation(contact: phoneless, at: 20)
        let rows = try f.store.conversations(from: .top, limit: 10, unreadOnly: false)
        #expect(rows.count == 2)
        #expect(rows[0].address?.kind == .bsuid)
        #expect(rows[0].displayName == "US.13491208655302741918")
        #expect(!rows[0].hasPhone)
        #expect(rows[1].address?.kind == .phone)
        #expect(rows[1].displayName == "@pat")
    }

    @Test func messagePagesAreKeysetOnTimestampAndID() throws {
        let f = try BrowseFixtures()
        defer { f.remove() }
        let contact = try f.contact(name: "M", bsuid: "US.1")
        let conversation = try f.conversation(contact: contact, at: 100)
        var ids: [Int64] = []
        for i in 0..<10 {
            // Pairs share a timestamp: the id breaks the tie.
            ids.append(try f.message(conversation: conversation, text: "m\(i)", at: 100 + Double(i / 2)))
        }
        let newest = try f.store.messages(conversationID: conversation, before: nil, limit: 4)
        #expect(newest.map(\.id) == Array(ids[6...]))
        let older = try f.store.messages(conversationID: conversation, before: newest[0].key, limit: 4)
        #expect(older.map(\.id) == Array(ids[2..<6]))
        let newer = try f.store.messages(conversationID: conversation, after: older[1].key, limit: 3)
        #expect(newer.map(\.id) == Array(ids[4..<7]))
    }

    @Test func markReadAndDrafts() throws {
        let f = try BrowseFixtures()
        defer { f.remove() }
        let contact = try f.contact(name: "D", bsuid: "US.1")
        let conversation = try f.conversation(contact: contact, unread: 3, at: 1)
        #expect(try f.store.markRead(conversationID: conversation))
        #expect(try f.store.conversation(id: conversation)?.unread == 0)
        #expect(try !f.store.markRead(conversationID: conversation))
        #expect(try f.store.draft(conversationID: conversation) == nil)
        try f.store.saveDraft(conversationID: conversation, text: "half a reply", at: 5)
        #expect(try f.store.draft(conversationID: conversation) == "half a reply")
        try f.store.saveDraft(conversationID: conversation, text: "", at: 6)
        #expect(try f.store.draft(conversationID: conversation) == nil)
    }

    @Test func searchIndexesLazilyAndFindsWordPrefixes() throws {
        let f = try BrowseFixtures()
        defer { f.remove() }
        let contact = try f.contact(name: "Sheena", bsuid: "US.1")
        let conversation = try f.conversation(contact: contact, at: 1)
        try f.message(conversation: conversation, text: "Where is my refund?", at: 1)
        try f.message(conversation: conversation, text: "Order 1234 shipped", at: 2)
        #expect(try f.store.database.read { try MessageSearch.isBehind($0) })
        let hits = try f.store.searchMessages("refu")
        #expect(hits.map(\.text) == ["Where is my refund?"])
        #expect(hits.first?.contactName == "Sheena")
        #expect(try !f.store.database.read { try MessageSearch.isBehind($0) })
        // New messages are picked up by the next search.
        try f.message(conversation: conversation, text: "refund sent", at: 3)
        #expect(try f.store.searchMessages("refund").count == 2)
        // FTS syntax is searched for, not interpreted.
        #expect(try f.store.searchMessages("\"order\" OR NEAR(").isEmpty)
        #expect(try f.store.searchMessages("   ").isEmpty)
    }

    @Test func identityDetailListsSupersededIdentifiersAndMerges() throws {
        let f = try BrowseFixtures()
        defer { f.remove() }
        let contact = try f.contact(name: "Camila", bsuid: "BR.2", country: "BR")
        try f.store.database.write { db in
            try db.execute(sql: """
                INSERT INTO identifier (contact_id, kind, value, scope, current, first_seen, last_seen, superseded_at)
                VALUES (?, 'bsuid', 'BR.1', 'acme', 0, 0, 50, 50)
                """, arguments: [contact])
            try db.execute(sql: "INSERT INTO merge_log (survivor_id, merged_id, reason, at) VALUES (?, 99, 'phone and bsuid in one message', 60)", arguments: [contact])
        }
        let detail = try #require(try f.store.contactDetail(id: contact))
        #expect(detail.contact.phone == nil)
        #expect(detail.contact.current(.bsuid, scope: nil)?.value == "BR.2")
        #expect(detail.contact.superseded.map(\.value) == ["BR.1"])
        #expect(detail.merges.first?.merged == 99)
        #expect(try f.store.contactDetail(id: 12345) == nil)
    }
}
