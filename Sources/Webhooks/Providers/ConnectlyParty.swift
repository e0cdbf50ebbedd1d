import Identity
import JSON

/// A Connectly `sender` / `recipient` object: `id` (BSUID when Meta shared one, else the
/// phone), `userId`, `phoneNumber` — always present, `""` when empty — and `name` (may be null).
struct ConnectlyParty {
    let json: JSONValue?
    var identity = CustomerIdentity()

    init(_ json: JSONValue?, role: String) {
        self.json = json
        identity.absorb(json["id"].text, field: "\(role).id")
        identity.absorb(json["userId"].text, field: "\(role).userId")
        identity.absorb(json["phoneNumber"].text, field: "\(role).phoneNumber")
        identity.note(name: json["name"].text)
    }

    /// This party as the business side: its phone is the business number.
    var channel: ChannelAddress {
        ChannelAddress(provider: .connectly, number: identity.phone, id: json["id"].nonEmptyText)
    }
}
