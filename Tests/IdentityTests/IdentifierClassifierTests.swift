import Identity
import Testing

struct IdentifierClassifierTests {
    static let identifiers: [(String, IdentifierKind, String)] = [
        ("16505551234", .phone, "16505551234"),
        ("+1 (650) 555-1234", .phone, "16505551234"),
        ("+44 7700-900123", .phone, "447700900123"),
        ("whatsapp:+447700900123", .phone, "447700900123"),
        ("  +49 151 23456789 ", .phone, "4915123456789"),
        ("US.13491208655302741918", .bsuid, "US.13491208655302741918"),
        ("bsuid:US.13491208655302741918", .bsuid, "US.13491208655302741918"),
        ("whatsapp:US.13491208655302741918", .bsuid, "US.13491208655302741918"),
        ("MY.2035200694071263", .bsuid, "MY.2035200694071263"),
        ("CO.abcDEF123", .bsuid, "CO.abcDEF123"),
        ("US.ENT.11815799212886844830", .parentBSUID, "US.ENT.11815799212886844830"),
        ("US." + String(repeating: "9", count: 128), .bsuid, "US." + String(repeating: "9", count: 128)),
    ]

    @Test(arguments: identifiers)
    func classifiesByForm(raw: String, kind: IdentifierKind, value: String) {
        #expect(IdentifierClassifier.classify(raw) == .identifier(Identifier(kind: kind, value: value)))
    }

    @Test(arguments: [nil, "", "   "] as [String?])
    func emptyMeansAbsent(raw: String?) {
        #expect(IdentifierClassifier.classify(raw) == .absent)
    }

    static let invalid: [String] = [
        "us.13491208655302741918",                         // lower-case country code
        "US." + String(repeating: "9", count: 129),        // 129 characters after the dot
        "US.",                                             // nothing after the dot
        "ZZ.12345",                                        // not an ISO 3166 code
        "US.1234-5678",                                    // punctuation in the tail
        "US.ENT.",                                         // parent prefix with nothing after it
        "12345",                                           // too short for a phone
        "1234567890123456",                                // 16 digits
        "call me",                                         // neither form
        "bsuid:",                                          // prefix alone
    ]

    @Test(arguments: invalid)
    func rejectsWithAReason(raw: String) {
        guard case .invalid(let kept, let reason) = IdentifierClassifier.classify(raw) else {
            Issue.record("\(raw) should be invalid")
            return
        }
        #expect(kept == raw.trimmingWhitespace())
        #expect(!reason.isEmpty)
    }

    @Test func bsuidIsNeverTurnedIntoAPhone() {
        // WasapFlow's bug: MY.2035… normalized to 602035….
        var identity = CustomerIdentity()
        identity.absorb("MY.2035200694071263", field: "wa_id")
        #expect(identity.phone == nil)
        #expect(identity.bsuid == "MY.2035200694071263")
        #expect(identity.country == "MY")
    }

    @Test func conflictingValuesInOneMessageAreRejectedNotOverwritten() {
        var identity = CustomerIdentity()
        identity.absorb("16505551234", field: "from")
        identity.absorb("16505559999", field: "wa_id")
        #expect(identity.phone == "16505551234")
        #expect(identity.rejected.count == 1)
    }

    @Test func usernamesAreDisplayOnly() {
        var identity = CustomerIdentity()
        identity.note(username: "  @sheena ")
        identity.note(username: "@other")
        #expect(identity.username == "@sheena")
        #expect(!identity.hasUsableIdentifier)
        #expect(IdentifierClassifier.username("") == nil)
    }
}

@Suite("Absent display values")
struct AbsentDisplayValueTests {
    @Test(arguments: ["", " ", "@", " @ ", "\u{3000}"])
    func blankUsernamesAreAbsent(raw: String) {
        #expect(IdentifierClassifier.username(raw) == nil)
        #expect(CustomerIdentity(username: raw).username == nil)
        var identity = CustomerIdentity()
        identity.note(username: raw)
        #expect(identity.username == nil)
    }

    @Test func blankNamesAreAbsent() {
        #expect(CustomerIdentity(name: "  ").name == nil)
        #expect(CustomerIdentity(name: "Ana").name == "Ana")
    }
}
