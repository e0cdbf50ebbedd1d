import ArgumentParser
import Foundation

/// A command failure: one line on stderr, then a non-zero exit.
struct CLIFailure: Error {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
}

/// Standard error output, one line at a time.
enum StandardError {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

extension AsyncParsableCommand {
    /// Runs a command body, turning any failure into one clear line and an exit status.
    func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CLIFailure {
            StandardError.line("switchboard: \(failure.message)")
            throw ExitCode(failure.exitCode)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            StandardError.line("switchboard: \(error)")
            throw ExitCode.failure
        }
    }
}
