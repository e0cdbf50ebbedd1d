public import Foundation
public import Identity
public import JSON

/// A recorded webhook: `{"provider","channel","received_at","headers","body"}` (SPEC §4
/// replay), where `body` is the JSON object or the raw string. A line that is not an
/// envelope is a webhook body itself.
public struct RecordedEnvelope: Sendable {
    public var provider: ProviderKind?
    public var channel: String?
    public var receivedAt: Date?
    public var headers: [String: String]
    /// The body's bytes (the raw string, or the object written back out).
    public var body: [UInt8]
    /// The body already parsed, when it came as an object.
    public var parsedBody: JSONValue?

    /// Reads an envelope from a parsed line; `nil` when the line is a plain body.
    /// Throws when the envelope names a provider that does not exist.
    public static func from(_ json: JSONValue) -> Result<RecordedEnvelope, WebhookRejection>? {
        guard let members = json.object, let body = members["body"],
              members["provider"] != nil || members["received_at"] != nil || members["headers"] != nil
        else { return nil }
        var envelope = RecordedEnvelope(headers: [:], body: [])
        if let name = members["provider"]?.nonEmptyText {
            guard let provider = ProviderKind(rawValue: name.lowercased()) else {
                return .failure(.malformedJSON("envelope names unknown provider \"\(name)\""))
            }
            envelope.provider = provider
        }
        envelope.channel = members["channel"]?.nonEmptyText
        envelope.receivedAt = Timestamps.parse(members["received_at"])
        for (key, value) in members["headers"]?.object ?? [:] {
            if let text = value.text { envelope.headers[key.lowercased()] = text }
        }
        switch body {
        case .string(let raw):
            envelope.body = Array(raw.utf8)
        case .object, .array:
            envelope.body = Array(body.serialized().utf8)
            envelope.parsedBody = body
        default:
            return .failure(.malformedJSON("envelope body is neither a JSON object nor a string"))
        }
        return .success(envelope)
    }
}
