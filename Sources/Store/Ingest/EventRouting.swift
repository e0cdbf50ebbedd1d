import Identity
import Webhooks

/// Events paired with the configured channel they arrived on.
struct EventRouting {
    var matched: [(event: InboundEvent, channel: Channel)] = []
    /// One line per event whose channel is not configured.
    var unmatched: [String] = []

    /// Matches each event to a channel (`ChannelDirectory.route`).
    static func route(_ events: [InboundEvent], channelName: String?, channels: ChannelDirectory) -> EventRouting {
        var routing = EventRouting()
        for event in events {
            let address = event.channel
            if let channel = channels.route(address, named: channelName) {
                routing.matched.append((event, channel))
            } else {
                let line = "unknown channel (\(address.provider.rawValue) \(address.description.isEmpty ? "no number or id" : address.description))"
                if !routing.unmatched.contains(line) { routing.unmatched.append(line) }
            }
        }
        return routing
    }
}
