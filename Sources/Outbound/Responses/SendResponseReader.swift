import NIOHTTP1
public import Identity
public import JSON
public import Webhooks

/// Reads each provider's answer to a send: the message id its status webhooks will carry,
/// or the error it reported.
public enum SendResponseReader {
    /// The provider's message id in a successful answer, nil when the answer has none.
    public static func messageID(provider: ProviderKind, body: JSONValue) -> String? {
        switch provider {
        case .meta, .kapso:
            // {"messaging_product":"whatsapp","contacts":[…],"messages":[{"id":"wamid.…"}]}
            body["messages"].array.first?["id"].nonEmptyText
        case .sinch:
            // LATAM {"id":"<batch>","messages":[{"id":"<message>","correlationId":…}]};
            // Conversation API {"accepted_time":…,"message_id":"<message>"}
            body["message_id"].nonEmptyText ?? body["messages"].array.first?["id"].nonEmptyText ?? body["id"].nonEmptyText
        case .azure:
            // {"receipts":[{"messageId":"…","to":"…"}]}
            body["receipts"].array.first?["messageId"].nonEmptyText
        case .connectly:
            // {"id":"…"} (session) or {"data":{"id":"…"}} (templated)
            body["id"].nonEmptyText ?? body["data"]["id"].nonEmptyText ?? body["messageId"].nonEmptyText
        case .webex:
            // {"response":[{"code":"1001","description":"Queued","transid":"…"}]}
            body["response"].array.first?["transid"].nonEmptyText ?? body["transid"].nonEmptyText
        }
    }

    /// The error in a failed answer: the provider's code and message when it gave them,
    /// else the HTTP status.
    /// Secret-looking values in the provider's text are redacted (`SecretRedaction`).
    public static func error(provider: ProviderKind, status: Int, body: JSONValue?) -> ProviderError {
        let error = unredactedError(provider: provider, status: status, body: body)
        return ProviderError(code: SecretRedaction.redact(error.code), title: error.title.map(SecretRedaction.redact),
                             message: error.message.map(SecretRedaction.redact))
    }

    private static func unredactedError(provider: ProviderKind, status: Int, body: JSONValue?) -> ProviderError {
        let reason = HTTPResponseStatus(statusCode: status).reasonPhrase
        let fallback = ProviderError(code: "http_\(status)", title: "HTTP \(status)",
                                     message: "the provider answered HTTP \(status)\(reason.isEmpty ? "" : " (\(reason))")")
        guard let body else { return fallback }
        let code: String?
        let title: String?
        let message: String?
        switch provider {
        case .meta, .kapso:
            // {"error":{"message","type","code","error_subcode","error_data":{"details"}}}
            code = body["error"]["code"].text
            title = body["error"]["type"].nonEmptyText
            message = body["error"]["error_data"]["details"].nonEmptyText ?? body["error"]["message"].nonEmptyText
        case .connectly:
            // {"type":"ERROR_TYPE_INVALID_ARGUMENT","code":"ERROR_CODE_BAD_REQUEST","message":…}
            code = body["code"].nonEmptyText ?? body["type"].nonEmptyText
            title = body["type"].nonEmptyText
            message = body["message"].nonEmptyText
        case .webex:
            let item = body["response"].array.first ?? body
            code = item["code"].text
            title = nil
            message = item["description"].nonEmptyText
        case .sinch, .azure:
            // Sinch {"errorCode","errorMessage"}; ACS {"error":{"code","message"}}
            code = body["error"]["code"].text ?? body["errorCode"].text
            title = nil
            message = body["error"]["message"].nonEmptyText ?? body["errorMessage"].nonEmptyText
        }
        guard let code else {
            return ProviderError(code: fallback.code, title: fallback.title, message: message)
        }
        return ProviderError(code: code, title: title ?? fallback.title, message: message)
    }
}
