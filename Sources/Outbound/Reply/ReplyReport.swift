public import Foundation
public import Identity
public import JSON
import Webhooks

/// The JSON objects `reply --json` and `show --json` print (SPEC §4). Headers never appear.
public enum ReplyReport {
    /// `{"ok": true, "channel", "provider", "identifier": {"kind","value"}, "reason",
    /// "request": {"method","url","body"}}`, plus `sent` and `message_id` after a real send.
    public static func json(_ reply: PreparedReply, sent: Bool? = nil, messageID: String? = nil) -> JSONValue {
        var object: [String: JSONValue] = [
            "ok": true,
            "channel": .string(reply.plan.channel.name),
            "provider": .string(reply.plan.channel.provider.rawValue),
            "identifier": [
                "kind": .string(reply.plan.identifier.kind.rawValue),
                "value": .string(reply.plan.identifier.value),
            ],
            "reason": .string(reply.plan.reason),
            "request": reply.request.printable,
        ]
        if let sent {
            object["sent"] = .bool(sent)
            object["message_id"] = .optional(messageID)
        }
        return .object(object)
    }

    /// `{"ok": false, "error": "<refusal code>", "message": "…"}`.
    public static func json(_ refusal: Refusal) -> JSONValue {
        ["ok": false, "error": .string(refusal.code.rawValue), "message": .string(refusal.message)]
    }

    /// `show --json` `plans`: for every channel, the reply object of a text reply, with
    /// `channel` always present. A channel whose request cannot be built (missing URL) gets
    /// `{"ok": false, "error": "configuration", "message"}`.
    public static func plansForEveryChannel(
        context: ReplyContext, channels: [Channel], now: Date, sampleText: String = "…"
    ) -> JSONValue {
        .array(channels.map { channel in
            var object: [String: JSONValue]
            do {
                switch try ReplyPreparer.prepare(context: context, channel: channel, message: .text(sampleText), now: now) {
                case .ready(let reply): object = json(reply).object ?? [:]
                case .refused(let refusal): object = json(refusal).object ?? [:]
                }
            } catch {
                object = ["ok": false, "error": "configuration", "message": .string(String(describing: error))]
            }
            object["channel"] = .string(channel.name)
            return .object(object)
        })
    }
}
