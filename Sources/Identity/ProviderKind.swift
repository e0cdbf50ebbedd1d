/// The messaging providers Switchboard speaks to (SPEC §4 provider names).
public enum ProviderKind: String, Sendable, Hashable, Codable, CaseIterable {
    case meta, sinch, azure, connectly, kapso, webex

    /// Whether a number on this provider can send to BSUIDs unless the channel says otherwise (SPEC §3).
    public var defaultBSUIDSending: Bool {
        switch self {
        case .meta, .sinch, .azure, .webex: true
        case .connectly, .kapso: false
        }
    }
}
