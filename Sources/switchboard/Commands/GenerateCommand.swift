import ArgumentParser
import Foundation

/// `switchboard generate`: a synthetic NDJSON file of Meta webhooks for benchmarks.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write N synthetic Meta webhooks (one per line) for replay benchmarks.",
        discussion: """
            Customers are a deterministic mix: 60% phone + BSUID, 30% BSUID only with a username, 10% with a \
            parent BSUID; every 10th webhook is a delivery status. Business number: the `support` channel of Assets/config.toml.
            """)

    @Option(help: "Number of webhooks (one event each).") var events = 1_000_000
    @Option(help: "Number of distinct customers.") var contacts = 50_000
    @Option(help: "Business phone_number_id.") var phoneNumberID = "106540352242922"
    @Option(help: "Business display number.") var number = "15550783881"
    @Option(help: "First message time (Unix seconds).") var start = 1_767_225_600
    @Option(name: [.short, .long], help: "Output file (.ndjson).") var output: String

    func run() async throws {
        var sink = try ExportSink(path: output)
        var random = SplitMix64(seed: 42)
        let customers = max(contacts, 1)
        for index in 0..<events {
            let customer = Int(random.next() % UInt64(customers))
            let time = start + index / 20
            sink.write(line(index: index, customer: customer, time: time) + "\n")
        }
        sink.close()
        StandardOutput.text("wrote \(events) webhooks for \(customers) customers to \(output)")
    }

    private func line(index: Int, customer: Int, time: Int) -> String {
        let bsuid = "US.\(1_000_000_000_000 + customer * 7919)"
        let phone = "1555\(String(format: "%07d", customer))"
        let kind = customer % 10
        let hasPhone = kind < 6
        let parent = kind == 9 ? "US.ENT.\(9_000_000_000 + customer)" : nil
        let username = hasPhone ? nil : "@user\(customer)"
        var contact = "\"user_id\":\"\(bsuid)\",\"profile\":{\"name\":\"Customer \(customer)\""
        if let username { contact += ",\"username\":\"\(username)\"" }
        contact += "}"
        if hasPhone { contact += ",\"wa_id\":\"\(phone)\"" }
        if let parent { contact += ",\"parent_user_id\":\"\(parent)\"" }
        let value: String
        if index % 10 == 9 {
            value = """
                "statuses":[{"id":"wamid.out\(index)","status":"delivered","timestamp":"\(time)","recipient_user_id":"\(bsuid)"\
                \(hasPhone ? ",\"recipient_id\":\"\(phone)\"" : "")}],"contacts":[{\(contact)}]
                """
        } else {
            var message = "\"id\":\"wamid.gen\(index)\",\"timestamp\":\"\(time)\",\"type\":\"text\",\"from_user_id\":\"\(bsuid)\""
            if hasPhone { message += ",\"from\":\"\(phone)\"" }
            if let parent { message += ",\"from_parent_user_id\":\"\(parent)\"" }
            message += ",\"text\":{\"body\":\"Message \(index) from customer \(customer): is my order on its way?\"}"
            value = "\"contacts\":[{\(contact)}],\"messages\":[{\(message)}]"
        }
        return """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",\
            "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"\(number)",\
            "phone_number_id":"\(phoneNumberID)"},\(value)}}]}]}
            """
    }
}

/// A small deterministic PRNG so generated files are reproducible.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
