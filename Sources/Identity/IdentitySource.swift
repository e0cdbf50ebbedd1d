/// Where a contact's reply identity comes from (SPEC §2).
public enum IdentitySource: String, Sendable, Hashable, Codable {
    /// A real phone number is known.
    case nativePhone = "native_phone"
    /// No phone is known; the contact is identified by its BSUID or parent BSUID.
    case bsuidFallback = "bsuid_fallback"

    public init(hasPhone: Bool) {
        self = hasPhone ? .nativePhone : .bsuidFallback
    }

    /// Short badge for narrow list rows.
    public var badge: String {
        switch self {
        case .nativePhone: "☎"
        case .bsuidFallback: "ID"
        }
    }
}
