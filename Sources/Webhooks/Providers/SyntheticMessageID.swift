/// Deterministic ids for payloads that carry no message id (Connectly inbound messages):
/// the same body always yields the same id, so a redelivered webhook is a duplicate.
enum SyntheticMessageID {
    /// `<prefix>:<16 hex digits>` — FNV-1a 64 over the parts, separated so that
    /// ("ab", "c") and ("a", "bc") differ.
    static func make(prefix: String, parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return prefix + ":" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
