import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// Open connections across the receiver, so a flood of clients (slowloris) cannot take every
/// file descriptor: beyond the cap, a connection's request is answered 503 and the connection
/// closed at once, and the connections already open keep being served.
final class ConnectionCounter: Sendable {
    let limit: Int
    private let open = Atomic<Int>(0)

    init(limit: Int) { self.limit = limit }

    /// Below the process's file limit, with room for the store, the log and the listener.
    static func defaultLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 256 }
        let files = Int(clamping: min(limit.rlim_cur, 1 << 20))
        return max(16, min(1024, files - 64))
    }

    /// Counts a new connection; whether it is within the cap.
    func admit() -> Bool { open.add(1, ordering: .relaxed).newValue <= limit }

    func release() { open.subtract(1, ordering: .relaxed) }
}

/// Per-connection handler (after HTTP decoding) that enforces `ConnectionCounter`.
final class ConnectionLimitHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let counter: ConnectionCounter
    private var admitted = true
    private var counted = false

    init(counter: ConnectionCounter) { self.counter = counter }

    /// How long a connection over the cap may stay open for its request (then the 503) before
    /// it is closed anyway: an idle flood must not keep its file descriptors.
    static let graceForRefusal: TimeAmount = .milliseconds(200)

    func channelActive(context: ChannelHandlerContext) {
        count(context)
        context.fireChannelActive()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // The channel is usually active before this handler is added.
        if context.channel.isActive { count(context) }
    }

    private func count(_ context: ChannelHandlerContext) {
        guard !counted else { return }
        counted = true
        admitted = counter.admit()
        if !admitted {
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: Self.graceForRefusal) { bound.value.close(promise: nil) }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if counted {
            counted = false
            counter.release()
        }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !admitted else {
            context.fireChannelRead(data)
            return
        }
        guard case .head = unwrapInboundIn(data) else { return }
        let body = ByteBuffer(string: #"{"ok":false,"error":"too many connections; retry later"}"#)
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        fields[.contentLength] = String(body.readableBytes)
        fields[.connection] = "close"
        fields[.retryAfter] = "1"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .serviceUnavailable, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
}
