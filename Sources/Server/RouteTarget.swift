import Identity

/// What the last segment of `/webhooks/<segment>` names.
enum RouteTarget: Sendable {
    /// `/webhooks/<provider>`: the channel is found from the body's number/id.
    case provider(ProviderKind)
    /// `/webhooks/<channel name>`: every event goes to this channel.
    case channel(Channel)

    /// Provider names win over a channel that happens to share one: `/webhooks/meta` must keep
    /// routing by payload, or a channel named "meta" would swallow every other Meta number's traffic.
    static func resolve(_ segment: String, channels: ChannelDirectory) -> RouteTarget? {
        if let provider = ProviderKind(rawValue: segment) { return .provider(provider) }
        if let channel = channels.named(segment) { return .channel(channel) }
        return nil
    }

    /// The provider whose adapter reads the body.
    var provider: ProviderKind {
        switch self {
        case .provider(let provider): provider
        case .channel(let channel): channel.provider
        }
    }

    /// The channel named by the route, if any (passed to the store, which then routes every event to it).
    var channelName: String? {
        if case .channel(let channel) = self { return channel.name }
        return nil
    }
}
