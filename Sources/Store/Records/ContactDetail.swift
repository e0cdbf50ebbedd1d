/// Everything the inbox knows about who a contact is: the contact with its identifiers and
/// usernames, and its merge and conflict history. The identity pane and `show` read this.
public struct ContactDetail: Sendable, Hashable {
    public var contact: Contact
    /// Merges into or out of the contact, oldest first.
    public var merges: [MergeRecord]
    /// Phones not merged automatically, oldest first.
    public var conflicts: [ConflictRecord]
    /// Identity changes that arrived unsigned and wait for the operator, oldest first.
    public var unverifiedChanges: [UnverifiedChange]

    public init(contact: Contact, merges: [MergeRecord] = [], conflicts: [ConflictRecord] = [],
                unverifiedChanges: [UnverifiedChange] = []) {
        self.contact = contact
        self.merges = merges
        self.conflicts = conflicts
        self.unverifiedChanges = unverifiedChanges
    }
}
