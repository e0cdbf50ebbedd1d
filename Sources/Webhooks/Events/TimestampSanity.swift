public import Foundation

/// Event times a provider cannot mean (SPEC §9): before WhatsApp Business existed, more than a
/// day after the webhook arrived, or absurd magnitudes (`"timestamp": "1e27"`). Such a time is
/// replaced by the receive time and flagged; the raw body (with the raw value) stays in the log.
public enum TimestampSanity {
    /// 2009-01-01T00:00:00Z.
    public static let earliest = Date(timeIntervalSince1970: 1_230_768_000)
    /// How far after the receive time a provider clock may run.
    public static let allowedSkew: TimeInterval = 86_400

    public static func isSane(_ time: Date, receivedAt: Date) -> Bool {
        let seconds = time.timeIntervalSince1970
        return seconds.isFinite && time >= earliest && time <= receivedAt.addingTimeInterval(allowedSkew)
    }

    /// Every event with an impossible time gets `receivedAt` instead, with one note per event.
    public static func repair(_ webhook: inout DecodedWebhook, receivedAt: Date) {
        for index in webhook.events.indices {
            var event = webhook.events[index]
            let (time, what) = event.timeAndLabel
            guard !isSane(time, receivedAt: receivedAt) else { continue }
            event.timestamp = receivedAt
            webhook.events[index] = event
            webhook.rejected.append("\(what): impossible timestamp (\(describe(time))); the receive time was used")
        }
    }

    private static func describe(_ time: Date) -> String {
        let seconds = time.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e11 else { return "\(seconds) s since 1970" }
        return ISO8601DateFormatter().string(from: time)
    }
}

extension InboundEvent {
    /// The event's time, and how to name the event in a note.
    var timeAndLabel: (Date, String) {
        switch self {
        case .message(let m): (m.timestamp, "message \(m.id)")
        case .status(let s): (s.timestamp, "status of \(s.messageID)")
        case .identityChange(let c): (c.timestamp, "identity change \(c.kind.rawValue)")
        case .marketingPreference(let p): (p.timestamp, "marketing preference")
        }
    }

    /// When the event happened, whatever its kind.
    public internal(set) var timestamp: Date {
        get { timeAndLabel.0 }
        set {
            switch self {
            case .message(var m): m.timestamp = newValue; self = .message(m)
            case .status(var s): s.timestamp = newValue; self = .status(s)
            case .identityChange(var c): c.timestamp = newValue; self = .identityChange(c)
            case .marketingPreference(var p): p.timestamp = newValue; self = .marketingPreference(p)
            }
        }
    }
}
