/// The kinds of customer identifier WhatsApp providers report (SPEC §2).
public enum IdentifierKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// E.164 digits; global, works from any business number.
    case phone
    /// Business-scoped user ID (`US.1349…`), valid within one business portfolio.
    case bsuid
    /// Parent BSUID (`US.ENT.1181…`), valid within a group of linked portfolios.
    case parentBSUID = "parent_bsuid"
    /// Display handle (`@name`): never a key, can change.
    case username
}
