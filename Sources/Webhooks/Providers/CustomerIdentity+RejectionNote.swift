import Identity

extension CustomerIdentity {
    /// ` (field "value": reason; …)` for rejection lines, empty when nothing was rejected.
    var rejectionNote: String {
        rejected.isEmpty ? "" : " (" + rejected.map(\.description).joined(separator: "; ") + ")"
    }
}
