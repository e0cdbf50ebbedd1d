import Foundation

/// The files a replay reads: given files, and directories walked recursively in name order.
enum ReplaySource {
    static let bodyExtensions: Set<String> = ["json"]
    static let lineExtensions: Set<String> = ["ndjson", "jsonl"]

    enum Item {
        case file(path: String, lines: Bool)
        case unreadable(path: String, reason: String)
    }

    static func expand(_ paths: [String]) -> [Item] {
        var items: [Item] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                items.append(.unreadable(path: path, reason: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                guard let walker = fm.enumerator(atPath: path) else {
                    items.append(.unreadable(path: path, reason: "cannot list directory"))
                    continue
                }
                var found: [String] = []
                while let relative = walker.nextObject() as? String {
                    let ext = (relative as NSString).pathExtension.lowercased()
                    if bodyExtensions.contains(ext) || lineExtensions.contains(ext) { found.append(relative) }
                }
                for relative in found.sorted() {
                    let full = (path as NSString).appendingPathComponent(relative)
                    items.append(.file(path: full, lines: lineExtensions.contains((relative as NSString).pathExtension.lowercased())))
                }
            } else {
                let ext = (path as NSString).pathExtension.lowercased()
                items.append(.file(path: path, lines: lineExtensions.contains(ext)))
            }
        }
        return items
    }
}

/// Reads a file line by line in fixed-size chunks: memory stays flat whatever the file size.
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private(set) var bytesRead = 0
    static let chunkSize = 1 << 20

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIFailure("cannot read \(path)")
        }
        self.handle = handle
    }

    /// The next line without its newline (and without a trailing CR), or nil at the end.
    mutating func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return line
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            let chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
            if chunk.isEmpty {
                finished = true
                try? handle.close()
            } else {
                bytesRead += chunk.count
                buffer.append(contentsOf: chunk)
            }
        }
    }
}
