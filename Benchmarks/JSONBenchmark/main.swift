// Switchboard's lenient JSON parser against Foundation on the replay hot path: parsing
// every webhook body of an NDJSON file (`switchboard generate`) into the `JSONValue` the
// adapters read. Foundation's path is `JSONSerialization` plus the conversion to `JSONValue`
// (adapters need number text kept exactly: ids and phones must never lose digits); the
// bare `JSONSerialization` parse is shown as its floor.
//
//     swift build -c release --product json-benchmark
//     .build/release/switchboard generate --events 200000 --output /tmp/events.ndjson
//     .build/release/json-benchmark /tmp/events.ndjson
import Foundation
import JSON

/// Foundation's parse, converted to the adapters' `JSONValue`.
func foundationValue(_ object: Any) -> JSONValue {
    switch object {
    case let string as String: return .string(string)
    // (Booleans arrive as NSNumber too; telling them apart costs more, so this favours Foundation.)
    case let number as NSNumber: return .number(number.stringValue)
    case let array as [Any]: return .array(array.map(foundationValue))
    case let object as [String: Any]: return .object(object.mapValues(foundationValue))
    default: return .null
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: json-benchmark EVENTS.ndjson [ROUNDS]\n".utf8))
    exit(2)
}
let rounds = arguments.count >= 3 ? Int(arguments[2]) ?? 3 : 3
let bodies: [[UInt8]] = text.split(separator: "\n").map { Array($0.utf8) }
let datas = bodies.map { Data($0) }
let bytes = bodies.reduce(0) { $0 + $1.count }
print("\(bodies.count) bodies, \(bytes / 1_000_000) MB, best of \(rounds) rounds")

func measure(_ name: String, _ body: () -> Int) -> Double {
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000_000)
    var checksum = 0
    for _ in 0..<rounds {
        let elapsed = clock.measure { checksum &+= body() }
        best = min(best, elapsed)
    }
    let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
    let perSecond = Double(bodies.count) / seconds
    print(String(format: "%-34@ %8.0f bodies/s  %6.1f MB/s  (checksum %d)",
                 name as NSString, perSecond, Double(bytes) / seconds / 1e6, checksum))
    return perSecond
}

let ours = measure("JSONParser → JSONValue") {
    var n = 0
    for body in bodies { if case .object(let o)? = try? JSONParser.parse(body) { n &+= o.count } }
    return n
}
let foundation = measure("JSONSerialization → JSONValue") {
    var n = 0
    for data in datas {
        if let object = try? JSONSerialization.jsonObject(with: data), case .object(let o) = foundationValue(object) { n &+= o.count }
    }
    return n
}
let floor = measure("JSONSerialization alone") {
    var n = 0
    for data in datas { if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] { n &+= object.count } }
    return n
}
print(String(format: "JSONParser / Foundation path: %.2f×   JSONParser / bare JSONSerialization: %.2f×", ours / foundation, ours / floor))
