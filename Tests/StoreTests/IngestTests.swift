import GRDB
import Foundation
import Identity
import Webhooks
import Testing
@_spi(Testing) @testable import Store

struct IngestTests {
    @Test func replayingSamplesTwiceGivesTheRightContactsAndChangesNothing() throws {
        let fixture = try StoreFixture()
        let first = try fixture.ingestSamples()
        #expect(first["09_malformed.json"].map { if case .quarantined = $0 { true } else { false } } == true)
        #expect(first["12_unknown_channel.json"].map { if case .quarantined = $0 { true } else { false } } == true)
        let before = try fixture.projection()
        let second = try fixture.ingestSamples()
        #expect(second.values.allSatisfy { outcome in
            switch outcome {
            case .duplicate, .quarantined: true
            default: false
            }
        })
        #expect(try fixture.projection() == before)
        #expect(try fixture.store.quarantined().count == 2)

        let contacts = try fixture.store.contacts()
        #expect(contacts.count == 10)
        let sheena = try #require(try fixture.store.findContact(ref: "@realsheenanelson"))
        #expect(sheena.phone == nil)
        #expect(sheena.identitySource == .bsuidFallback)
        #expect(sheena.parentBSUID == "US.ENT.11815799212886844830")
        // The sales-channel message (another portfolio) joined her through the parent BSUID.
        #expect(sheena.current(.bsuid).map(\.scope) == ["acme-retail", "acme"])
        #expect(try fixture.store.conversations(contact: sheena.id).count == 2)
    }

    @Test func identityChangesSupersedeOldIdentifiers() throws {
        let fixture = try StoreFixture()
        _ = try fixture.ingestSamples()
        let pablo = try #require(try fixture.store.findContact(ref: "16505551234"))
        #expect(pablo.phone == "16505550000")
        #expect(pablo.bsuid == "US.13491208655302741999")
        let old = try #require(pablo.identifiers.first { $0.value == "US.13491208655302741920" })
        #expect(!old.current)
        #expect(old.supersededAt != nil)
        // The conflicting work phone was flagged, not merged.
        #expect((try fixture.store.contactDetail(id: pablo.id)?.conflicts ?? []).map(\.phone) == ["16505559999"])

        let camila = try #require(try fixture.store.findContact(ref: "CO.10927345512"))
        #expect(camila.bsuid == "CO.20938456623")
        #expect(camila.username == "@camila.o")
        #expect(camila.usernames.map(\.username).sorted() == ["@camila.o", "@camiortiz"])
        #expect(try fixture.store.conversations(contact: camila.id).first?.messageCount == 2)

        let lena = try #require(try fixture.store.findContact(ref: "+49 151 23456789"))
        #expect(lena.bsuid == "DE.4450231166")
        #expect(lena.parentBSUID == "DE.ENT.9923114455")
    }

    @Test func identifiersSeenTogetherMergeTwoContactsIntoOne() throws {
        let fixture = try StoreFixture()
        _ = try fixture.ingestSamples()
        let oliver = try #require(try fixture.store.findContact(ref: "447700900123"))
        #expect(try fixture.store.findContact(ref: "GB.4477009001230000")?.id == oliver.id)
        #expect((try fixture.store.contactDetail(id: oliver.id)?.merges ?? []).count == 1)
        let conversations = try fixture.store.conversations(contact: oliver.id)
        #expect(conversations.count == 1)
        #expect(conversations.first?.messageCount == 3)
        #expect(conversations.first?.unread == 3)
        // The merged-away id still leads to the survivor.
        let merged = try #require((try fixture.store.contactDetail(id: oliver.id)?.merges ?? []).first?.merged)
        #expect(try fixture.store.findContact(ref: String(merged))?.id == oliver.id)
    }

    @Test func rebuildReproducesTheSameStore() throws {
        let fixture = try StoreFixture()
        _ = try fixture.ingestSamples()
        let before = try fixture.projection()
        let replayed = try fixture.store.rebuild(channels: StoreFixture.channels)
        #expect(replayed == 18)
        #expect(try fixture.projection() == before)
    }

    @Test func statusBeforeItsMessageIsKeptAndAppliedLater() throws {
        let fixture = try StoreFixture()
        _ = try fixture.ingest(try Data(contentsOf: StoreFixture.assets.appendingPathComponent("webhooks/meta/02_bsuid_only_username.json")).map { $0 })
        _ = try fixture.ingest(try Data(contentsOf: StoreFixture.assets.appendingPathComponent("webhooks/meta/03_status_delivered.json")).map { $0 })
        let conversation = try #require(try fixture.store.conversations().first)
        try fixture.store.database.write { db in
            try db.execute(sql: """
                INSERT INTO message (conversation_id, channel, provider_message_id, direction, type, text, status, timestamp, bsuid)
                VALUES (?, 'support', 'wamid.OUTBOUND0001', 'out', 'text', 'It does: red and green', 'sent', 1795168900, 'US.13491208655302741918')
                """, arguments: [conversation.id])
            try StatusApplier(db: db).applyPending(channel: "support", providerMessageID: "wamid.OUTBOUND0001")
        }
        var statuses: [String] = []
        try fixture.store.forEachMessage { if $0.direction == .outbound { statuses.append($0.status?.rawValue ?? "") } }
        #expect(statuses == ["delivered"])
    }

    @Test func statusesOnlyMoveForward() throws {
        let fixture = try StoreFixture()
        _ = try fixture.ingestSamples()
        let conversation = try #require(try fixture.store.conversations().first)
        try fixture.store.database.write { db in
            try db.execute(sql: """
                INSERT INTO message (conversation_id, channel, provider_message_id, direction, type, text, status, timestamp)
                VALUES (?, 'support', 'wamid.OUT9', 'out', 'text', 'x', 'sent', 1)
                """, arguments: [conversation.id])
        }
        func status(_ value: String, _ time: Int) -> String {
            #"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.OUT9","status":""# + value + #"","timestamp":""# + String(time) + #"","recipient_user_id":"US.13491208655302741918"}]}}]}]}"#
        }
        _ = try fixture.ingest(status("read", 10))
        _ = try fixture.ingest(status("delivered", 5))
        var result: [String] = []
        try fixture.store.forEachMessage { if $0.providerMessageID == "wamid.OUT9" { result.append($0.status?.rawValue ?? "") } }
        #expect(result == ["read"])
    }

    @Test(arguments: ["not json", "{}", "[1,2]", #"{"object":"whatsapp_business_account","entry":"x"}"#,
                      String(repeating: "[", count: 10_000)])
    func hostileBodiesAreQuarantinedNeverCrash(body: String) throws {
        let fixture = try StoreFixture()
        guard case .quarantined(let reason) = try fixture.ingest(body) else {
            Issue.record("accepted \(body.prefix(40))")
            return
        }
        #expect(!reason.isEmpty)
        #expect(try fixture.store.quarantined().first?.size == body.utf8.count)
    }

    @Test func anUnknownNamedChannelIsQuarantined() throws {
        let fixture = try StoreFixture()
        let body = try StoreFixture.metaSamples()[0].body
        guard case .quarantined(let reason) = try fixture.ingest(body, channel: "nope") else {
            Issue.record("accepted")
            return
        }
        #expect(reason.contains("nope"))
    }
}
