import Foundation
import Identity

extension DeliveryStatus {
    /// Status words as non-Meta providers spell them: `delivery_failed` (Connectly),
    /// `Submitted` (Webex Connect), `MESSAGE_STATUS_READ`… reduced to the core word first.
    init?(lenientValue raw: String) {
        var word = raw.trimmingWhitespace().lowercased().replacingOccurrences(of: " ", with: "_")
        for prefix in ["message_status_", "delivery_status_", "status_", "message_", "delivery_"]
        where word.hasPrefix(prefix) && word.count > prefix.count {
            word = String(word.dropFirst(prefix.count))
            break
        }
        switch word {
        case "submitted", "sent_to_provider": self = .sent
        case "not_delivered", "expired": self = .failed
        default: self.init(providerValue: word)
        }
    }
}
