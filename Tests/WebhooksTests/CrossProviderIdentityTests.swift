import Identity
import Testing
import Webhooks

/// The same person reported by two providers resolves to one contact when both numbers
/// belong to the same portfolio (BSUIDs are portfolio-scoped), and to a new one otherwise.
@Suite struct CrossProviderIdentityTests {
    struct Row: CustomStringConvertible, Sendable {
        let first: WebhookFixture
        let firstChannel: Channel
        let second: WebhookFixture
        let secondChannel: Channel
        let sameContact: Bool

        var description: String { "\(first) → \(second) (\(secondChannel.portfolio))" }
    }

    static let kapso = Channel(name: "kapso", provider: .kapso, id: "kapso-pnid-1", portfolio: "acme",
                               parentGroup: "acme-group")
    static let azure = Channel(name: "azure", provider: .azure, id: "11111111-1111-1111-1111-111111111111",
                               portfolio: "acme", parentGroup: "acme-group")
    static let connectly = Channel(name: "connectly", provider: .connectly, number: "15550001111",
                                   portfolio: "acme", parentGroup: "acme-group")
    static let otherPortfolio = Channel(name: "azure-globex", provider: .azure, id: "11111111-1111-1111-1111-111111111111",
                                        portfolio: "globex")

    static let rows: [Row] = [
        // Phone + BSUID + parent on Kapso, then BSUID only (phone hidden) on ACS: one contact.
        Row(first: .init(directory: "kapso", name: "received-phone-and-bsuid"), firstChannel: kapso,
            second: .init(directory: "azure", name: "received-bsuid-only-empty-from"), secondChannel: azure,
            sameContact: true),
        // A delivery report naming only the BSUID on ACS first, then phone + BSUID on Kapso: one contact.
        Row(first: .init(directory: "azure", name: "status-delivered-to-bsuid"), firstChannel: azure,
            second: .init(directory: "kapso", name: "received-phone-and-bsuid"), secondChannel: kapso,
            sameContact: true),
        // Same BSUID string, but the second number is in another portfolio: a different person key.
        Row(first: .init(directory: "kapso", name: "received-phone-and-bsuid"), firstChannel: kapso,
            second: .init(directory: "azure", name: "received-bsuid-only-empty-from"), secondChannel: otherPortfolio,
            sameContact: false),
    ]

    @Test(arguments: rows)
    func resolves(_ row: Row) throws {
        let firstIdentity = try #require(try identity(in: row.first))
        let secondIdentity = try #require(try identity(in: row.second))
        #expect(firstIdentity.bsuid == secondIdentity.bsuid)

        let firstObserved = firstIdentity.identifiers.map(row.firstChannel.scoped)
        let first = ContactResolver.resolve(firstObserved, in: IdentityGraphSnapshot())
        #expect(first.target == .new)

        // The store after the first event: contact 1 holds what was attached.
        let contact: ContactID = 1
        let graph = IdentityGraphSnapshot(
            holders: Dictionary(uniqueKeysWithValues: first.attach.map { ($0, contact) }),
            currentPhones: [contact: Set(first.attach.filter { $0.kind == .phone }.map(\.value))])
        let second = ContactResolver.resolve(secondIdentity.identifiers.map(row.secondChannel.scoped), in: graph)
        #expect((second.target == .existing(contact)) == row.sameContact, "\(second)")
        #expect(second.conflicts.isEmpty)
    }

    private func identity(in fixture: WebhookFixture) throws -> CustomerIdentity? {
        guard case .success(let body) = try fixture.decode() else { return nil }
        switch body.webhook.events.first {
        case .message(let m)?: return m.customer
        case .status(let s)?: return s.customer
        default: return nil
        }
    }
}
