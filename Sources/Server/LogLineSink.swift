import Foundation
import Synchronization

/// Where the receiver's log lines go: appended to a buffer by the request that logs (a short
/// lock, no system call) and written out in one `write` by a background thread every 20 ms,
/// or at once for a warning or worse, or when 64 KB are waiting. swift-log's stream handler
/// wrote and flushed each line under one global lock (and looked up the time zone file per
/// line): on the receiver's hot path it serialized every request on a system call.
public final class LogLineSink: Sendable {
    /// Standard error, flushed in the background.
    public static let standardError = LogLineSink(descriptor: 2)

    private let descriptor: Int32
    private let pending = Mutex<[UInt8]>([])
    /// Held while a taken buffer is written, so lines reach the descriptor in order.
    private let writing = Mutex<Void>(())
    private static let flushBytes = 65_536
    private static let interval: UInt32 = 20_000

    init(descriptor: Int32) {
        self.descriptor = descriptor
        let thread = Thread { [self] in
            while true {
                usleep(Self.interval)
                flush()
            }
        }
        thread.name = "switchboard.log"
        thread.start()
    }

    /// Queues one line (a newline is added); `urgent` writes it before returning.
    public func append(_ line: String, urgent: Bool) {
        let waiting = pending.withLock { buffer in
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            return buffer.count
        }
        if urgent || waiting >= Self.flushBytes { flush() }
    }

    /// Writes everything queued so far.
    public func flush() {
        writing.withLock { _ in
            let bytes = pending.withLock { buffer in
                let taken = buffer
                buffer.removeAll(keepingCapacity: true)
                return taken
            }
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { raw in
                    write(descriptor, raw.baseAddress.map { $0 + offset }, bytes.count - offset)
                }
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return   // a closed or broken stderr: drop the logs rather than the requests
                }
            }
        }
    }
}
