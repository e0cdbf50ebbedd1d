import Hummingbird
import JSON
import Webhooks

/// Response bodies of the receiver: small JSON objects, or plain text for Meta's challenge.
enum ReceiverResponse {
    static func json(_ status: HTTPResponse.Status, _ members: [String: JSONValue],
                     headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: JSONValue.object(members).serialized())))
    }

    /// `{"ok": false, "error": message}`.
    static func failure(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(status, ["ok": .bool(false), "error": .string(message)])
    }

    /// Plain text, e.g. Meta's `hub.challenge` echoed back. Text, not HTML: the challenge comes
    /// from the caller and must not be interpreted by anything that displays the answer.
    static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
