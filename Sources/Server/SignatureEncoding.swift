import Crypto
import Foundation

/// Decoding of the encodings providers put signatures in. Anything malformed is `nil`,
/// which callers treat as a bad signature. (Comparisons are swift-crypto's own constant-time
/// ones: `HMAC.isValidAuthenticationCode` and digest equality.)
enum SignatureEncoding {
    /// Hex digits, either case, to bytes (swift-crypto has no public hex decoder).
    static func hex(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard !digits.isEmpty, digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// Standard base64 to bytes (Foundation), padding optional as senders differ.
    static func base64(_ text: Substring) -> [UInt8]? {
        var padded = String(text)
        if padded.count % 4 != 0 { padded += String(repeating: "=", count: 4 - padded.count % 4) }
        guard let data = Data(base64Encoded: padded), !data.isEmpty else { return nil }
        return Array(data)
    }

    /// Whether two tokens (verify tokens, shared secrets) are equal. Both sides are hashed
    /// and the digests compared in constant time (swift-crypto's `Digest` equality), so
    /// neither the content nor the length of the expected token leaks.
    static func tokensMatch(_ lhs: String, _ rhs: String) -> Bool {
        SHA256.hash(data: Array(lhs.utf8)) == SHA256.hash(data: Array(rhs.utf8))
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
