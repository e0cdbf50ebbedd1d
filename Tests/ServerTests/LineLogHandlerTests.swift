import Foundation
import Logging
import Testing
@testable import Server

/// The receiver's log lines: UTC time with milliseconds, level, label, message, sorted
/// metadata; written in order through the buffered sink.
@Suite struct LineLogHandlerTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (951_782_400.5, "2000-02-29T00:00:00.500Z"),        // a leap day in a leap century
        (1_795_200_000.125, "2026-11-20T18:40:00.125Z"),
        (4_107_542_399.875, "2100-02-28T23:59:59.875Z"),    // 2100 is not a leap year
        (-1.0, "1969-12-31T23:59:59.000Z"),
    ])
    func timestampsAreUTCWithMilliseconds(seconds: Double, expected: String) {
        #expect(LineLogHandler.timestamp(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func linesReachTheDescriptorInOrderWithSortedMetadata() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let sink = LogLineSink(descriptor: ends[1])
        var logger = Logger(label: "switchboard.serve") { LineLogHandler(label: $0, sink: sink) }
        logger.logLevel = .info
        logger.debug("not written")
        for n in 1...300 {
            logger.info("request", metadata: ["status": "200", "method": "POST", "n": "\(n)"])
        }
        logger.warning("slow disk")   // a warning is written at once, with everything before it
        close(ends[1])
        let text = String(decoding: try FileHandle(fileDescriptor: ends[0]).readToEnd() ?? Data(), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 301)
        #expect(lines.first?.hasSuffix(" info switchboard.serve: request method=POST n=1 status=200") == true)
        #expect(lines.dropLast().last?.hasSuffix("request method=POST n=300 status=200") == true)
        #expect(lines.last?.hasSuffix(" warning switchboard.serve: slow disk") == true)
        #expect(!text.contains("not written"))
        #expect(lines.allSatisfy { $0.count > 24 && $0.dropFirst(23).hasPrefix("Z ") })
    }
}
