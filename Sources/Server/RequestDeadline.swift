import NIOCore
import NIOHTTPTypes

/// Per-connection deadlines a slow client cannot stretch (slowloris): the idle timeout
/// restarts on every byte, so a client dribbling one header byte every few seconds would hold
/// its connection for ever. Here a request's head must be complete within `head` of the
/// connection opening or of the previous response, and its body within `body` of the head;
/// otherwise the connection is closed. (Providers send whole requests in milliseconds.)
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let head: TimeAmount
    private let body: TimeAmount
    private var deadline: Scheduled<Void>?

    init(head: TimeAmount, body: TimeAmount) {
        self.head = head
        self.body = body
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(head, context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(head, context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: arm(body, context)
        case .body: break
        case .end:
            // The request is in; answering it is the server's time, not the client's.
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            // The next request on this keep-alive connection gets its own head deadline.
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let done = context.eventLoop.makePromise(of: Void.self)
            done.futureResult.whenComplete { _ in bound.value.0.arm(bound.value.0.head, bound.value.1) }
            promise.map { done.futureResult.cascade(to: $0) }
            context.write(data, promise: done)
            return
        }
        context.write(data, promise: promise)
    }

    private func arm(_ timeout: TimeAmount, _ context: ChannelHandlerContext) {
        deadline?.cancel()
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: timeout) { bound.value.close(promise: nil) }
    }
}
