import Foundation
import Server
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Idle and slow clients cannot hold the receiver's connections.
@Suite("Slow clients")
struct SlowClientTests {
    /// Connects to loopback `port` and sends `bytes`; returns the socket.
    static func connect(port: Int, sending bytes: String) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); return nil }
        _ = bytes.withCString { send(fd, $0, strlen($0), 0) }
        return fd
    }

    /// Whether the server closed the connection within `seconds` (a read returns 0 or fails).
    static func closedByServer(_ fd: Int32, within seconds: Int) -> Bool {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 512)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { return true }
            if n < 0 { return errno != EAGAIN && errno != EWOULDBLOCK }
        }
    }

    @Test func idleAndHalfSentRequestsAreClosed() async throws {
        try await ReceiverFixture.with(idleTimeout: .milliseconds(500)) { fixture in
            let idle = try #require(Self.connect(port: fixture.running.port, sending: ""))
            let halfHeaders = try #require(Self.connect(port: fixture.running.port, sending: "POST /webhooks/meta HTTP/1.1\r\nHost: x\r\n"))
            defer { close(idle); close(halfHeaders) }
            #expect(Self.closedByServer(idle, within: 10))
            #expect(Self.closedByServer(halfHeaders, within: 10))
            // The receiver still answers.
            #expect(try await fixture.send(.GET, "/healthz").status == 200)
        }
    }
}

extension SlowClientTests {
    @Test func connectionsBeyondTheCapAre503AndTheOthersAreServed() async throws {
        try await ReceiverFixture.with(maxConnections: 3) { fixture in
            // Three clients hold every slot…
            let held = (0..<3).compactMap { _ in Self.connect(port: fixture.running.port, sending: "") }
            // Closed exactly once each: a second close could hit a descriptor NIO reused.
            defer { held.dropFirst().forEach { close($0) } }
            #expect(held.count == 3)
            try await Task.sleep(for: .milliseconds(200))
            // …so a fourth is told to come back, at once.
            let extra = try #require(Self.connect(port: fixture.running.port, sending: "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"))
            defer { close(extra) }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(extra, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 512)
            let n = recv(extra, &buffer, buffer.count, 0)
            let answer = String(decoding: buffer.prefix(max(0, n)), as: UTF8.self)
            #expect(answer.hasPrefix("HTTP/1.1 503"))
            // A client over the cap that sends nothing is closed at once: its descriptor is freed.
            let silent = try #require(Self.connect(port: fixture.running.port, sending: ""))
            defer { close(silent) }
            #expect(Self.closedByServer(silent, within: 5))
            // A slot that frees up is served again.
            if let first = held.first { close(first) }
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await fixture.send(.GET, "/healthz").status == 200)
        }
    }
}

extension SlowClientTests {
    /// Sends `bytes` one every 200 ms until the server closes the connection; the seconds
    /// that took, or nil if it stayed open for `limit` seconds.
    static func dribble(_ fd: Int32, _ bytes: String, limit: Double) -> Double? {
        let start = Date()
        var scalars = Array(bytes.utf8)
        var buffer = [UInt8](repeating: 0, count: 512)
        while Date().timeIntervalSince(start) < limit {
            if scalars.isEmpty { scalars = Array("X-Pad: y\r\n".utf8) }
            let byte = scalars.removeFirst()
            if withUnsafePointer(to: byte, { send(fd, $0, 1, Int32(MSG_NOSIGNAL)) }) < 0 { return Date().timeIntervalSince(start) }
            let n = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) { return Date().timeIntervalSince(start) }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return nil
    }

    /// The idle timeout restarts on every byte; the head and body deadlines do not.
    @Test func aClientDribblingItsHeadOrBodyIsClosedAtTheDeadline() async throws {
        try await ReceiverFixture.with(idleTimeout: .seconds(15), headDeadline: .seconds(1), bodyDeadline: .seconds(1)) { fixture in
            let head = try #require(Self.connect(port: fixture.running.port, sending: "POST /webhooks/meta HTTP/1.1\r\n"))
            defer { close(head) }
            let headClosed = try #require(Self.dribble(head, "Host: x\r\n", limit: 6))
            #expect(headClosed < 4)
            let body = try #require(Self.connect(port: fixture.running.port,
                sending: "POST /webhooks/meta HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"))
            defer { close(body) }
            let bodyClosed = try #require(Self.dribble(body, String(repeating: " ", count: 100), limit: 6))
            #expect(bodyClosed < 4)
            // A normal client on the same receiver is served, also on a kept-alive connection.
            #expect(try await fixture.send(.GET, "/healthz").status == 200)
            #expect(try await fixture.send(.GET, "/healthz").status == 200)
        }
    }
}
