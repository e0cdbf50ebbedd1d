import ArgumentParser
import Foundation
import TerminalText

/// A command failure: one line on stderr, then a non-zero exit.
struct CLIFailure: Error, CustomStringConvertible {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    /// The message alone: where the inbox shows a failure, it reads as a sentence.
    var description: String { message }
}

/// Standard error output, one line at a time. Lines carry payload values and file names, so
/// they are made terminal-safe: no escape sequence, control or bidi character gets through.
enum StandardError {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((TerminalSafeText.make(text) + "\n").utf8))
    }
}
