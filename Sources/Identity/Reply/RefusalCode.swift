/// Why a reply cannot be sent on a channel (SPEC §3). Raw values are the CLI's error codes.
/// Case order is the precedence order: when several apply, the first wins.
public enum RefusalCode: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// No phone, BSUID or parent BSUID at all.
    case noIdentifier = "no_identifier"
    /// Authentication templates (one-tap, zero-tap, copy-code) need a phone.
    case authTemplateRequiresPhone = "auth_template_requires_phone"
    /// A marketing template to a customer who stopped marketing messages on this number.
    case marketingOptedOut = "marketing_opted_out"
    /// Asking for the phone of a customer whose phone is known.
    case phoneAlreadyKnown = "phone_already_known"
    /// The channel's provider has no "request contact info" message (all but Meta today).
    case requestPhoneUnsupported = "request_phone_unsupported"
    /// Only BSUIDs of other portfolios are known, and no parent BSUID usable here.
    case outsidePortfolio = "outside_portfolio"
    /// A usable BSUID is known but this channel cannot send to BSUIDs.
    case bsuidSendingUnsupported = "bsuid_sending_unsupported"
    /// Free-form text more than 24 h after the customer last wrote to this number (or never).
    case serviceWindowClosed = "service_window_closed"
    /// Asking for the phone outside the window, and no template is marked `request_contact_info`.
    case noRequestPhoneTemplate = "no_request_phone_template"

    public static func < (lhs: RefusalCode, rhs: RefusalCode) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// A reply that must not be sent, with a one-line message for the operator.
public struct Refusal: Sendable, Hashable, Error, CustomStringConvertible {
    public var code: RefusalCode
    public var message: String
    /// The channel the reply was planned for.
    public var channel: String

    public init(code: RefusalCode, message: String, channel: String) {
        self.code = code
        self.message = message
        self.channel = channel
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
