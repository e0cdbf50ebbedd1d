import Store

/// Counts of a replay, by webhook body (SPEC §4 summary line).
struct ReplayTally {
    var ingested = 0
    var duplicates = 0
    var quarantined = 0
    var handshakes = 0
    var ignored = 0
    var events = 0

    mutating func count(_ outcome: IngestOutcome) {
        switch outcome {
        case .ingested(let applied, let skipped):
            ingested += 1
            events += applied + skipped
        case .duplicate: duplicates += 1
        case .quarantined: quarantined += 1
        case .handshake: handshakes += 1
        case .ignored: ignored += 1
        }
    }

    var summary: String {
        var line = "ingested \(ingested), duplicates \(duplicates), quarantined \(quarantined)"
        if ignored > 0 { line += ", ignored \(ignored)" }
        if handshakes > 0 { line += ", handshakes \(handshakes)" }
        return line
    }
}
