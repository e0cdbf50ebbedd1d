public import Foundation
public import Identity

/// An identity change (number or BSUID) that arrived through an unsigned channel and would
/// have moved identifiers learned through a signed one: kept, not applied, until an operator
/// approves it (`switchboard apply-change ID`).
public struct UnverifiedChange: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var contactID: ContactID?
    public var channel: String
    /// `user_changed_number`, `user_changed_user_id`, …
    public var kind: String
    public var previous: [Identifier]
    public var current: [Identifier]
    public var at: Date

    public init(id: Int64, contactID: ContactID?, channel: String, kind: String, previous: [Identifier],
                current: [Identifier], at: Date) {
        self.id = id
        self.contactID = contactID
        self.channel = channel
        self.kind = kind
        self.previous = previous
        self.current = current
        self.at = at
    }

    /// `phone 16505551234 → 16505550000 via sales (unsigned)`.
    public var summary: String {
        let old = previous.map { "\($0.kind.rawValue) \($0.value)" }.joined(separator: ", ")
        let new = current.map(\.value).joined(separator: ", ")
        return "\(old) → \(new) via \(channel) (unsigned)"
    }

    /// Identifiers as stored in a text column: `kind:value` per line.
    static func encode(_ identifiers: [Identifier]) -> String {
        identifiers.map { "\($0.kind.rawValue):\($0.value)" }.joined(separator: "\n")
    }

    static func decode(_ text: String) -> [Identifier] {
        text.split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":"), let kind = IdentifierKind(rawValue: String(line[..<colon])) else { return nil }
            return Identifier(kind: kind, value: String(line[colon...].dropFirst()))
        }
    }
}
