/// What an inbound message carries, reduced to what an inbox shows.
public enum MessageContent: Sendable, Hashable {
    case text(String)
    /// image, video, audio, document: shown with the caption when there is one.
    case media(kind: String, caption: String?)
    /// A tapped button or list row.
    case interactive(title: String, replyID: String?)
    /// An emoji reaction to another message; an empty emoji removes it.
    case reaction(emoji: String, messageID: String?)
    case location(latitude: Double?, longitude: Double?, name: String?, address: String?)
    /// A shared contact card (name and phones as given).
    case contacts(names: [String], phones: [String])
    /// A type this inbox does not render; kept, never dropped.
    case unsupported(type: String)
    /// A type shown as one described line (an order, a flow reply, an edit, an error the
    /// provider gave for a message it could not deliver as content).
    case notice(type: String, text: String)
    /// Content with context in front: `[forwarded]`, `[reply to wamid…]`, `[ad: headline]`.
    indirect case annotated(MessageContent, notes: [String])

    /// This content with one more note in front.
    public func annotated(_ note: String) -> MessageContent {
        if case .annotated(let inner, let notes) = self { return .annotated(inner, notes: notes + [note]) }
        return .annotated(self, notes: [note])
    }

    /// The type name as stored and exported.
    public var typeName: String {
        switch self {
        case .text: "text"
        case .media(let kind, _): kind
        case .interactive: "interactive"
        case .reaction: "reaction"
        case .location: "location"
        case .contacts: "contacts"
        case .unsupported(let type): type
        case .notice(let type, _): type
        case .annotated(let inner, _): inner.typeName
        }
    }

    /// One line of text for lists, exports and search.
    public var displayText: String {
        switch self {
        case .text(let body):
            return body
        case .media(let kind, let caption):
            return caption.map { "[\(kind)] \($0)" } ?? "[\(kind)]"
        case .interactive(let title, _):
            return "[reply] \(title)"
        case .reaction(let emoji, _):
            return emoji.isEmpty ? "[reaction removed]" : "[reaction] \(emoji)"
        case .location(let lat, let lon, let name, let address):
            let place = [name, address].compactMap { $0 }.joined(separator: ", ")
            let coords = lat.flatMap { la in lon.map { lo in "\(la),\(lo)" } }
            return "[location] " + [place.isEmpty ? nil : place, coords].compactMap { $0 }.joined(separator: " ")
        case .contacts(let names, let phones):
            return "[contact] " + (names + phones).joined(separator: " ")
        case .unsupported(let type):
            return "[unsupported: \(type)]"
        case .notice(_, let text):
            return text
        case .annotated(let inner, let notes):
            return notes.map { "[\($0)] " }.joined() + inner.displayText
        }
    }
}
