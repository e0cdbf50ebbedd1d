import Identity
import Testing

struct ContactResolverTests {
    static let acme = Channel(name: "support", provider: .meta, portfolio: "acme", parentGroup: "acme-group")
    static let retail = Channel(name: "sales", provider: .meta, portfolio: "retail", parentGroup: "acme-group")

    static func bsuid(_ v: String, _ c: Channel = acme) -> ScopedIdentifier { c.scoped(Identifier(kind: .bsuid, value: v)) }
    static func parent(_ v: String, _ c: Channel = acme) -> ScopedIdentifier { c.scoped(Identifier(kind: .parentBSUID, value: v)) }
    static func phone(_ v: String) -> ScopedIdentifier { ScopedIdentifier(kind: .phone, value: v, scope: "ignored") }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var observed: [ScopedIdentifier]
        var holders: [ScopedIdentifier: ContactID]
        var phones: [ContactID: Set<String>]
        var expected: Resolution
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "nothing known → new contact with everything",
             observed: [phone("1555"), bsuid("US.1")], holders: [:], phones: [:],
             expected: Resolution(target: .new, attach: [bsuid("US.1"), phone("1555")])),
        Case(name: "BSUID known → that contact, phone attached",
             observed: [bsuid("US.1"), phone("1555")], holders: [bsuid("US.1"): 7], phones: [7: []],
             expected: Resolution(target: .existing(7), attach: [phone("1555")])),
        Case(name: "BSUID wins over phone held by another → merged, not a third",
             observed: [phone("1555"), bsuid("US.1")], holders: [bsuid("US.1"): 2, phone("1555"): 1], phones: [2: [], 1: ["1555"]],
             expected: Resolution(target: .existing(2), merge: [1])),
        Case(name: "parent BSUID in its group finds the contact from another portfolio",
             observed: [bsuid("US.9", retail), parent("US.ENT.5", retail)], holders: [parent("US.ENT.5"): 3], phones: [3: []],
             expected: Resolution(target: .existing(3), attach: [bsuid("US.9", retail)])),
        Case(name: "same BSUID in another portfolio is a different identifier",
             observed: [bsuid("US.1", retail)], holders: [bsuid("US.1"): 4], phones: [4: []],
             expected: Resolution(target: .new, attach: [bsuid("US.1", retail)])),
        Case(name: "conflicting phone is flagged, not attached",
             observed: [bsuid("US.1"), phone("1999")], holders: [bsuid("US.1"): 5], phones: [5: ["1555"]],
             expected: Resolution(target: .existing(5), conflicts: [PhoneConflict(phone: "1999", heldBy: nil)])),
        Case(name: "conflicting phone held by another contact: both kept",
             observed: [bsuid("US.1"), phone("1999")], holders: [bsuid("US.1"): 5, phone("1999"): 6], phones: [5: ["1555"], 6: ["1999"]],
             expected: Resolution(target: .existing(5), conflicts: [PhoneConflict(phone: "1999", heldBy: 6)])),
        Case(name: "two contacts with different phones are never merged",
             observed: [bsuid("US.1"), parent("US.ENT.2")], holders: [bsuid("US.1"): 5, parent("US.ENT.2"): 6],
             phones: [5: ["1555"], 6: ["1777"]],
             expected: Resolution(target: .existing(5), conflicts: [PhoneConflict(phone: "1777", heldBy: 6)])),
        Case(name: "usernames are not keys",
             observed: [ScopedIdentifier(kind: .username, value: "@a", scope: nil), bsuid("US.1")], holders: [:], phones: [:],
             expected: Resolution(target: .new, attach: [bsuid("US.1")])),
    ]

    @Test(arguments: cases)
    func resolves(_ c: Case) {
        let graph = IdentityGraphSnapshot(holders: c.holders, currentPhones: c.phones)
        #expect(ContactResolver.resolve(c.observed, in: graph) == c.expected)
    }

    @Test func changeSupersedesOldAndAttachesNew() {
        let graph = IdentityGraphSnapshot(holders: [Self.bsuid("CO.1"): 9, Self.phone("1555"): 9], currentPhones: [9: ["1555"]])
        let resolution = ContactResolver.resolveChange(
            from: [Self.bsuid("CO.1"), Self.phone("1555")], to: [Self.bsuid("CO.2"), Self.phone("1666")], in: graph)
        #expect(resolution.target == .existing(9))
        #expect(resolution.supersede == [Self.bsuid("CO.1"), Self.phone("1555")])
        #expect(resolution.attach == [Self.bsuid("CO.2"), Self.phone("1666")])
        #expect(resolution.conflicts.isEmpty)
    }

    @Test func aChangeBeforeAnyMessageRecordsTheOldIdentifiersAsSuperseded() {
        let resolution = ContactResolver.resolveChange(
            from: [Self.phone("1555")], to: [Self.phone("1666")], in: IdentityGraphSnapshot())
        #expect(resolution.target == .new)
        #expect(resolution.attach == [Self.phone("1666")])
        #expect(resolution.supersede == [Self.phone("1555")])
    }

    @Test func changeAppliedTwiceChangesNothingNew() {
        let graph = IdentityGraphSnapshot(holders: [Self.bsuid("CO.1"): 9, Self.bsuid("CO.2"): 9], currentPhones: [9: []])
        let resolution = ContactResolver.resolveChange(from: [Self.bsuid("CO.1")], to: [Self.bsuid("CO.2")], in: graph)
        #expect(resolution.attach.isEmpty)
        #expect(resolution.merge.isEmpty)
    }

    @Test func changeMergesAContactThatAlreadyHoldsTheNewIdentifier() {
        let graph = IdentityGraphSnapshot(holders: [Self.bsuid("CO.1"): 1, Self.bsuid("CO.2"): 2], currentPhones: [1: [], 2: []])
        let resolution = ContactResolver.resolveChange(from: [Self.bsuid("CO.1")], to: [Self.bsuid("CO.2")], in: graph)
        #expect(resolution.target == .existing(1))
        #expect(resolution.merge == [2])
    }

    @Test(arguments: [(true, IdentitySource.nativePhone), (false, .bsuidFallback)])
    func identitySource(hasPhone: Bool, expected: IdentitySource) {
        #expect(IdentitySource(hasPhone: hasPhone) == expected)
    }

    /// A phone the customer shared ("request contact info") never merges: held by another
    /// contact it is a flagged conflict; free, it is attached; already theirs, nothing happens.
    @Test func aSharedPhoneIsAttachedWhenFreeAndAConflictWhenHeld() {
        let sender = Self.bsuid("US.1")
        let phone = Self.phone("1555")
        let held = IdentityGraphSnapshot(holders: [sender: 1, phone: 2], currentPhones: [2: ["1555"]])
        let conflict = ContactResolver.resolve([sender, phone], in: held, sharedPhone: "1555")
        #expect(conflict.target == .existing(1))
        #expect(conflict.merge.isEmpty)
        #expect(conflict.attach.isEmpty)
        #expect(conflict.conflicts == [PhoneConflict(phone: "1555", heldBy: 2)])
        // Without the flag the same message merges (identifiers seen together).
        #expect(ContactResolver.resolve([sender, phone], in: held).merge == [2])
        let free = IdentityGraphSnapshot(holders: [sender: 1])
        #expect(ContactResolver.resolve([sender, phone], in: free, sharedPhone: "1555").attach == [phone])
        // An unknown sender sharing a held phone is a new contact, not the holder.
        let stranger = ContactResolver.resolve([Self.bsuid("US.9"), phone], in: held, sharedPhone: "1555")
        #expect(stranger.target == .new)
        #expect(stranger.conflicts.count == 1)
    }
}
