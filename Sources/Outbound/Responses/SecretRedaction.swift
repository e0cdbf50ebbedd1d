import Foundation

/// Provider error bodies sometimes echo the request, headers included. Before such text is
/// stored (outbox, message error) or printed, anything resembling a token, key or signature
/// is replaced by `***` (SPEC §9).
public enum SecretRedaction {
    private static let patterns: [(NSRegularExpression, String)] = [
        // Authorization: Bearer <token>
        (#"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{4,}"#, "$1 ***"),
        // "access_token": "…", api_key=…, x-api-key: …, signature=…, password: …
        (#"(?i)("?\b(?:access[_-]?token|auth[_-]?token|x-auth-token|token|api[_-]?key|x-api-key|secret|client[_-]?secret|signature|x-hub-signature(?:-256)?|password|authorization|x-amz-security-token)"?\s*[:=]\s*"?)([^"\s,&;}]+)"#, "$1***"),
        // Meta access tokens and the like, wherever they stand.
        (#"\bEAA[A-Za-z0-9]{16,}"#, "EAA***"),
        (#"\b(sha256|sha512)=[0-9a-fA-F]{32,}"#, "$1=***"),
    ].compactMap { pattern, template in
        (try? NSRegularExpression(pattern: pattern)).map { ($0, template) }
    }

    /// `text` with every secret-looking value replaced by `***`.
    public static func redact(_ text: String) -> String {
        var result = text
        for (expression, template) in patterns {
            let range = NSRange(result.startIndex..., in: result)
            result = expression.stringByReplacingMatches(in: result, range: range, withTemplate: template)
        }
        return result
    }
}
