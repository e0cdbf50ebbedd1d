import Identity
import JSON
import Webhooks

/// What a sandbox provider makes of a send request: accepted for one recipient, or rejected
/// with the HTTP status and error body the real service would answer.
enum SandboxVerdict: Sendable, Hashable {
    case accepted(recipient: Identifier)
    case rejected(status: Int, body: JSONValue)
}

/// Strict identifier checks, as the real services apply them to their fields.
enum StrictIdentifier {
    /// A phone written as digits only (with a leading `+` when `plus` allows or requires it).
    static func phone(_ raw: String?, plus: PlusSign) -> Identifier? {
        guard var text = raw else { return nil }
        if text.hasPrefix("+") {
            guard plus != .forbidden else { return nil }
            text.removeFirst()
        } else if plus == .required {
            return nil
        }
        guard (7...15).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Identifier(kind: .phone, value: text)
    }

    /// A bare BSUID or parent BSUID (no `bsuid:` prefix, no `+`).
    static func bsuid(_ raw: String?) -> Identifier? {
        guard let raw, let id = IdentifierClassifier.classify(raw).identifier,
              id.kind == .bsuid || id.kind == .parentBSUID, id.value == raw else { return nil }
        return id
    }

    enum PlusSign { case forbidden, optional, required }
}
