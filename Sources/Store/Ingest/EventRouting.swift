import Identity
import Webhooks

/// Events paired with the configured channel they arrived on.
struct EventRouting {
    var matched: [(event: InboundEvent, channel: Channel)] = []
    /// One line per event whose channel is not configured.
    var unmatched: [String] = []

    /// Matches each event to a channel: the one named by the route/flag, else by the
    /// payload's number or id (same provider first, then any: forwarded Meta payloads).
    static func route(_ events: [InboundEvent], channelName: String?, channels: ChannelDirectory) -> EventRouting {
        var routing = EventRouting()
        let named = channelName.flatMap(channels.named)
        for event in events {
            let address = event.channel
            if let channel = named ?? channels.match(address) ?? channels.match(address, anyProvider: true) {
                routing.matched.append((event, channel))
            } else {
                let line = "unknown channel (\(address.provider.rawValue) \(address.description.isEmpty ? "no number or id" : address.description))"
                if !routing.unmatched.contains(line) { routing.unmatched.append(line) }
            }
        }
        return routing
    }
}
