// libFuzzer target over everything untrusted bytes reach before the store: the JSON parser,
// every provider adapter (through `WebhookDecoder`, with and without a provider hint), the
// identifier classifier on every string value, and the terminal-safe text, display width and
// wrapping the TUI and the CLI apply to what a message says.
//
// Built only by bench/fuzz.sh (with -sanitize=fuzzer); in a normal build it is a small
// command that runs the same checks over files given as arguments (crash reproduction).
import Foundation
import Identity
import JSON
import TerminalText
import Webhooks

enum DecoderFuzzer {
    static let receivedAt = Date(timeIntervalSince1970: 1_795_200_000)

    /// Everything one input goes through. Any trap here is a finding.
    static func run(_ bytes: [UInt8]) {
        for provider in [nil] + ProviderKind.allCases.map(Optional.some) {
            guard case .success(let decoded) = WebhookDecoder.decode(bytes, provider: provider, receivedAt: receivedAt) else { continue }
            for event in decoded.webhook.events {
                if case .message(let message) = event { render(message.content.displayText) }
                precondition(TimestampSanity.isSane(event.timestamp, receivedAt: receivedAt), "impossible time stored")
            }
        }
        if let json = try? JSONParser.parse(bytes) { walk(json) }
        render(String(decoding: bytes, as: UTF8.self))
    }

    static func walk(_ value: JSONValue) {
        switch value {
        case .string(let text): _ = IdentifierClassifier.classify(text)
        case .array(let items): items.forEach(walk)
        case .object(let members): members.values.forEach(walk)
        default: break
        }
    }

    static func render(_ text: String) {
        let safe = TerminalSafeText.make(text, lines: .keep)
        for scalar in safe.unicodeScalars where scalar.value != 0x0A {
            precondition(scalar.value >= 0x20 && !(0x7F..<0xA0).contains(scalar.value), "control character survived")
        }
        _ = DisplayWidth.of(safe)
        _ = TextWrapping.wrap(safe, width: 37)
        _ = TextClipping.truncate(safe, to: 20)
    }
}

#if FUZZING
typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// libFuzzer's own driver (the package's executable entry point stands in for its `main`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: FuzzCallback) -> CInt

@_cdecl("DecoderFuzzer_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        DecoderFuzzer.run(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
#else
@main
struct DecoderFuzzerCommand {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            DecoderFuzzer.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            print("ok \(path)")
        }
    }
}
#endif
