public import Foundation

/// Whether Meta will keep sending a customer's phone to a business portfolio after the
/// customer adopts a username (SPEC §3 "Phone continuity"). Pure: the interactions and the
/// clock come in.
public enum ContinuityState: String, Sendable, Hashable, CaseIterable {
    /// A phone interaction on a number of the portfolio since its contact book started: the
    /// phone keeps arriving.
    case contactBook = "contact_book"
    /// A phone interaction within the last 30 days: the phone keeps arriving until it ends.
    case phoneWindow = "phone_window"
    /// Neither: the next message may arrive with a BSUID only.
    case atRisk = "at_risk"
}

/// The continuity of one contact's phone with one portfolio.
public struct PhoneContinuity: Sendable, Hashable {
    public var state: ContinuityState
    /// For `phone_window`: when it ends (last phone interaction + 30 days).
    public var windowUntil: Date?
    public var lastPhoneInteraction: Date?

    /// How long a phone interaction keeps the phone flowing.
    public static let window: TimeInterval = 30 * 86_400

    /// - Parameters:
    ///   - lastPhoneInteraction: the newest message in or out on a number of the portfolio
    ///     whose identifier was the phone (nil: none).
    ///   - anySince: whether any such message is at or after `contactBookSince`.
    public static func evaluate(lastPhoneInteraction: Date?, interactedSinceContactBook anySince: Bool, now: Date) -> PhoneContinuity {
        if anySince {
            return PhoneContinuity(state: .contactBook, windowUntil: nil, lastPhoneInteraction: lastPhoneInteraction)
        }
        if let last = lastPhoneInteraction, now < last.addingTimeInterval(window) {
            return PhoneContinuity(state: .phoneWindow, windowUntil: last.addingTimeInterval(window), lastPhoneInteraction: last)
        }
        return PhoneContinuity(state: .atRisk, windowUntil: nil, lastPhoneInteraction: lastPhoneInteraction)
    }

    /// In words, for the identity pane (after "Phone").
    public func sentence(portfolio: String, formatted: (Date) -> String) -> String {
        switch state {
        case .contactBook: "keeps arriving on \(portfolio) (in its contact book)"
        case .phoneWindow: "keeps arriving on \(portfolio) until \(windowUntil.map(formatted) ?? "?"), then at risk"
        case .atRisk: "at risk on \(portfolio): the next message may come without it"
        }
    }
}
