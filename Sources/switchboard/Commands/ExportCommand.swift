import ArgumentParser
import Foundation
import JSON
import Store
import TerminalText
import Webhooks

/// `switchboard export`: every message, streamed.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export every message as CSV or JSON.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Output format.") var format: Format = .json
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.") var output: String?

    static let columns = ["id", "provider_message_id", "conversation_id", "contact_id", "channel", "direction", "type",
                          "text", "status", "error_code", "timestamp", "phone", "bsuid", "parent_bsuid", "username",
                          "identity_source"]

    func run() async throws {
        let context = try CommandContext.open(global)
        var sink = try ExportSink(path: output)
        switch format {
        case .json:
            var first = true
            sink.write("[")
            try context.store.forEachMessage { message in
                sink.write(first ? "\n" : ",\n")
                first = false
                sink.write(RecordJSON.message(message).serialized())
            }
            sink.write(first ? "]\n" : "\n]\n")
        case .csv:
            sink.write(Self.columns.joined(separator: ",") + "\n")
            // On a terminal, message text must not drive it (escape sequences, bidi overrides).
            let terminal = output == nil && isatty(STDOUT_FILENO) == 1
            try context.store.forEachMessage { message in
                let object = RecordJSON.message(message)
                sink.write(Self.columns.map { column in
                    let value = object[column]?.text ?? ""
                    return CSV.field(terminal ? TerminalSafeText.make(value, lines: .keep) : value)
                }.joined(separator: ",") + "\n")
            }
        }
        sink.close()
    }
}

/// Buffered output to a file or standard output.
struct ExportSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: path) else {
                throw CLIFailure("cannot write \(path)")
            }
            self.handle = handle
        } else {
            handle = FileHandle.standardOutput
        }
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() {
        flush()
        if handle !== FileHandle.standardOutput { try? handle.close() }
    }
}

/// RFC 4180 fields, with spreadsheet formulas neutralized: a field a spreadsheet would run
/// (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'` (OWASP's advice).
enum CSV {
    static func field(_ raw: String) -> String {
        let value = raw.first.map { "=+-@\t\r".contains($0) } == true ? "'" + raw : raw
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
