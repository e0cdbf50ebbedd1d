/// Everything one contact block or one message says about the customer, classified by form.
/// Built by the webhook adapters; turned into scoped identifiers once the channel is known.
public struct CustomerIdentity: Sendable, Hashable, Codable {
    public var phone: String?
    public var bsuid: String?
    public var parentBSUID: String?
    public var username: String?
    public var name: String?
    /// ISO 3166 country, from the provider or the BSUID prefix.
    public var country: String?
    /// Values that could not be used, with the field they came from and why.
    public var rejected: [RejectedValue] = []
    /// What the provider said its legacy id field held (Webex Connect's WAID source
    /// indicator): `native` for a real WAID (phone), `bsuid` when it filled the field with the
    /// BSUID as a fallback, nil when it said nothing. Kept for audit only: the value itself is
    /// always classified by form.
    public var legacyIDSource: String?
    /// The phone came from the customer sharing it (Meta "request contact info"): it is
    /// attached when free, and a flagged conflict — never a merge — when another contact holds it.
    public var sharedPhone: String?

    public init(
        phone: String? = nil, bsuid: String? = nil, parentBSUID: String? = nil,
        username: String? = nil, name: String? = nil, country: String? = nil
    ) {
        self.phone = phone
        self.bsuid = bsuid
        self.parentBSUID = parentBSUID
        // Empty strings are absent everywhere (SPEC §9): never a stored "" username or name.
        self.username = IdentifierClassifier.username(username)
        self.name = name.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }
        self.country = country
    }

    /// Classifies `raw` by form and files it under the kind it turns out to be, whatever
    /// `field` it arrived in. The first value of a kind wins; a different second one is rejected.
    public mutating func absorb(_ raw: String?, field: String) {
        switch IdentifierClassifier.classify(raw) {
        case .absent:
            return
        case .invalid(let raw, let reason):
            rejected.append(RejectedValue(field: field, value: raw, reason: reason))
        case .identifier(let id):
            set(id, field: field)
        }
    }

    /// Files an already classified identifier.
    public mutating func set(_ id: Identifier, field: String) {
        switch id.kind {
        case .phone: assign(\.phone, id, field: field)
        case .bsuid: assign(\.bsuid, id, field: field)
        case .parentBSUID: assign(\.parentBSUID, id, field: field)
        case .username: if username == nil { username = id.value }
        }
        if country == nil, let cc = id.countryCode { country = cc }
    }

    /// Keeps a display value (name, username) if it is non-empty.
    public mutating func note(username raw: String?) {
        if username == nil { username = IdentifierClassifier.username(raw) }
    }

    public mutating func note(name raw: String?) {
        if name == nil, let value = raw?.trimmingWhitespace(), !value.isEmpty { name = value }
    }

    public mutating func note(country raw: String?) {
        if let value = raw?.trimmingWhitespace().uppercased(), value.count == 2,
           CountryCodes.all.contains(value) {
            country = value
        }
    }

    /// Merges what another block of the same message says about the same customer.
    public mutating func absorb(_ other: CustomerIdentity) {
        if let v = other.phone { set(Identifier(kind: .phone, value: v), field: "phone") }
        if let v = other.bsuid { set(Identifier(kind: .bsuid, value: v), field: "bsuid") }
        if let v = other.parentBSUID { set(Identifier(kind: .parentBSUID, value: v), field: "parent_bsuid") }
        note(username: other.username)
        note(name: other.name)
        if country == nil { country = other.country }
        if sharedPhone == nil { sharedPhone = other.sharedPhone }
        rejected.append(contentsOf: other.rejected.filter { !rejected.contains($0) })
    }

    /// The routing identifiers (phone, BSUID, parent BSUID), most specific first.
    public var identifiers: [Identifier] {
        [
            bsuid.map { Identifier(kind: .bsuid, value: $0) },
            parentBSUID.map { Identifier(kind: .parentBSUID, value: $0) },
            phone.map { Identifier(kind: .phone, value: $0) },
        ].compactMap { $0 }
    }

    /// True when there is nothing to key a contact on.
    public var hasUsableIdentifier: Bool { phone != nil || bsuid != nil || parentBSUID != nil }

    private mutating func assign(_ slot: WritableKeyPath<CustomerIdentity, String?>, _ id: Identifier, field: String) {
        if let existing = self[keyPath: slot] {
            if existing != id.value {
                rejected.append(RejectedValue(
                    field: field, value: id.value,
                    reason: "conflicts with \(id.kind.rawValue) \(existing) in the same message"))
            }
        } else {
            self[keyPath: slot] = id.value
        }
    }
}

/// An identifier value that was present but unusable.
public struct RejectedValue: Sendable, Hashable, Codable, CustomStringConvertible {
    public var field: String
    public var value: String
    public var reason: String

    public init(field: String, value: String, reason: String) {
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String { "\(field) \"\(value)\": \(reason)" }
}
