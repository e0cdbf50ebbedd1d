import Foundation
import Identity
import JSON
import Webhooks

/// One provider's send API as the sandbox imitates it: which request it accepts, what it
/// answers, and the status webhook it posts back.
protocol SandboxProviderShape {
    /// Checks the request body like the real service (identifier fields above all).
    /// `endpoint` is the route's last path segment (`messages`, `whatsapp_templated_messages`).
    static func check(body: JSONValue, endpoint: String, business: SandboxBusiness) -> SandboxVerdict
    /// A new message id in the provider's style.
    static func newMessageID() -> String
    /// The provider's success answer carrying `messageID`.
    static func acceptedResponse(messageID: String, recipient: Identifier) -> JSONValue
    /// A status webhook body in the provider's shape, with any headers it sends.
    static func statusWebhook(_ status: DeliveryStatus, messageID: String, recipient: Identifier,
                              business: SandboxBusiness, at time: Date) -> (body: JSONValue, headers: [String: String])
}

extension SandboxProviderShape {
    static func newMessageID() -> String { UUID().uuidString.lowercased() }
}

enum SandboxShapes {
    static func shape(for provider: ProviderKind) -> any SandboxProviderShape.Type {
        switch provider {
        case .meta: MetaSandbox.self
        case .kapso: KapsoSandbox.self
        case .sinch: SinchSandbox.self
        case .azure: AzureSandbox.self
        case .connectly: ConnectlySandbox.self
        case .webex: WebexSandbox.self
        }
    }

    static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func unixSeconds(_ date: Date) -> String {
        String(Int64(date.timeIntervalSince1970))
    }
}
