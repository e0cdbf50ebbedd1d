/// A contact's row id in the store.
public typealias ContactID = Int64

/// What the store knows about the identifiers being resolved: who holds each one
/// (current or superseded), and each involved contact's current phones.
public struct IdentityGraphSnapshot: Sendable {
    public var holders: [ScopedIdentifier: ContactID]
    public var currentPhones: [ContactID: Set<String>]

    public init(holders: [ScopedIdentifier: ContactID] = [:], currentPhones: [ContactID: Set<String>] = [:]) {
        self.holders = holders
        self.currentPhones = currentPhones
    }
}

/// A phone that was kept off a contact because the contact already has another phone.
public struct PhoneConflict: Sendable, Hashable {
    /// The phone that was not attached or merged.
    public var phone: String
    /// The contact that holds it, if any.
    public var heldBy: ContactID?

    public init(phone: String, heldBy: ContactID?) {
        self.phone = phone
        self.heldBy = heldBy
    }
}

/// The decision for one observed identity: which contact it is, what to attach, what to merge.
public struct Resolution: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case existing(ContactID)
        case new
    }

    public var target: Target
    /// Identifiers no contact holds yet; they join the target as current.
    public var attach: [ScopedIdentifier]
    /// Contacts that are the same person: merged into the target, in this order.
    public var merge: [ContactID]
    /// Identifiers of the target replaced by the new ones (identity changes).
    public var supersede: [ScopedIdentifier]
    public var conflicts: [PhoneConflict]

    public init(target: Target, attach: [ScopedIdentifier] = [], merge: [ContactID] = [],
                supersede: [ScopedIdentifier] = [], conflicts: [PhoneConflict] = []) {
        self.target = target
        self.attach = attach
        self.merge = merge
        self.supersede = supersede
        self.conflicts = conflicts
    }
}

/// Contact resolution and merge rules (SPEC §2), pure over a snapshot of the identity graph.
public enum ContactResolver {
    /// Resolves identifiers seen together (one contact block or one message):
    /// BSUID in its portfolio → parent BSUID in its group → phone → new contact.
    /// Other contacts holding one of them are merged into the first found, except when that
    /// would give one contact two different phones: such a phone conflict is flagged instead.
    ///
    /// A `sharedPhone` (the customer shared it through "request contact info") never decides
    /// who the sender is and never merges: held by another contact, it is a flagged conflict.
    public static func resolve(_ observed: [ScopedIdentifier], in graph: IdentityGraphSnapshot,
                               sharedPhone: String? = nil) -> Resolution {
        var ordered = prioritized(observed)
        var conflicts: [PhoneConflict] = []
        var refused: Set<ScopedIdentifier> = []
        let shared = sharedPhone.flatMap { phone in ordered.first { $0.kind == .phone && $0.value == phone } }
        let found = holders(of: ordered.filter { $0 != shared }, in: graph)
        if let shared, let holder = graph.holders[shared], holder != found.first?.contact {
            conflicts.append(PhoneConflict(phone: shared.value, heldBy: holder))
            refused.insert(shared)
            ordered.removeAll { $0 == shared }
        }
        guard let primary = found.first?.contact else {
            return Resolution(target: .new, attach: ordered, conflicts: conflicts)
        }
        var phones = graph.currentPhones[primary] ?? []
        var merge: [ContactID] = []

        if let phone = ordered.first(where: { $0.kind == .phone }),
           !phones.isEmpty, !phones.contains(phone.value) {
            conflicts.append(PhoneConflict(phone: phone.value, heldBy: graph.holders[phone]))
            refused.insert(phone)
        }
        for (identifier, contact) in found.dropFirst() where contact != primary && !merge.contains(contact) {
            if refused.contains(identifier) { continue }
            let theirs = graph.currentPhones[contact] ?? []
            if !phones.isEmpty, !theirs.isEmpty, phones.isDisjoint(with: theirs) {
                conflicts.append(contentsOf: theirs.sorted().map { PhoneConflict(phone: $0, heldBy: contact) })
                continue
            }
            merge.append(contact)
            phones.formUnion(theirs)
        }
        let attach = ordered.filter { graph.holders[$0] == nil && !refused.contains($0) }
        return Resolution(target: .existing(primary), attach: attach, merge: merge, conflicts: conflicts)
    }

    /// Resolves an identity change: the contact is found by its old identifiers (else the new),
    /// the old ones are superseded and the new ones become current. A contact that already
    /// holds a new identifier is the same person and is merged in; a phone change is not a conflict.
    public static func resolveChange(
        from old: [ScopedIdentifier], to new: [ScopedIdentifier], in graph: IdentityGraphSnapshot
    ) -> Resolution {
        let oldOrdered = prioritized(old)
        let newOrdered = prioritized(new)
        let found = holders(of: oldOrdered, in: graph) + holders(of: newOrdered, in: graph)
        let supersede = oldOrdered.filter { !newOrdered.contains($0) }
        // Old identifiers are recorded as superseded even when nobody held them yet (the change
        // arrived before any message from the old number): a later, older or retried message
        // from them then resolves to this contact, never a new one.
        guard let primary = found.first?.contact else {
            return Resolution(target: .new, attach: newOrdered, supersede: supersede)
        }
        var merge: [ContactID] = []
        for (_, contact) in found where contact != primary && !merge.contains(contact) {
            merge.append(contact)
        }
        let attach = newOrdered.filter { graph.holders[$0] != primary }
        return Resolution(target: .existing(primary), attach: attach, merge: merge, supersede: supersede)
    }

    /// Routing identifiers only (usernames are never keys), BSUID → parent BSUID → phone.
    static func prioritized(_ identifiers: [ScopedIdentifier]) -> [ScopedIdentifier] {
        var seen: Set<ScopedIdentifier> = []
        let order: [IdentifierKind] = [.bsuid, .parentBSUID, .phone]
        return order.flatMap { kind in identifiers.filter { $0.kind == kind } }
            .filter { seen.insert($0).inserted }
    }

    private static func holders(of ordered: [ScopedIdentifier], in graph: IdentityGraphSnapshot)
        -> [(identifier: ScopedIdentifier, contact: ContactID)] {
        ordered.compactMap { id in graph.holders[id].map { (id, $0) } }
    }
}
