public import Identity

/// One finding of `switchboard check` (and the receiver's start-up warnings).
public struct ConfigFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var text: String

    public init(_ severity: Severity, _ text: String) {
        self.severity = severity
        self.text = text
    }

    public var description: String { "\(severity.rawValue): \(text)" }
}

/// What is wrong or risky in a loaded configuration, given the environment it runs in. Pure:
/// the environment is passed in. (Unknown keys and invalid values already fail the load.)
public enum ConfigCheck {
    public static func findings(_ config: SwitchboardConfig, environment: [String: String]) -> [ConfigFinding] {
        duplicates(config.channels) + config.channels.flatMap { channel in
            receiverFindings(channel, environment: environment) + sendFindings(channel, environment: environment)
        }
    }

    /// What the receiver warns about at start: how each channel's webhooks are authenticated,
    /// and whether its GET verification can succeed.
    public static func receiverFindings(_ channel: Channel, environment: [String: String]) -> [ConfigFinding] {
        var findings = signatureFindings(channel, environment: environment)
        if let variable = channel.verifyTokenEnv, !variable.isEmpty, (environment[variable] ?? "").isEmpty {
            findings.append(ConfigFinding(.warning, "channel \(channel.name): verify_token_env \(variable) is not set; its GET verification will be refused (403)"))
        }
        return findings
    }

    static func signatureFindings(_ channel: Channel, environment: [String: String]) -> [ConfigFinding] {
        guard let variable = channel.webhookSecretEnv, !variable.isEmpty else {
            if channel.allowUnsigned {
                return [ConfigFinding(.warning, "channel \(channel.name): allow_unsigned = true, its webhooks are accepted without a signature (for local testing only)")]
            }
            return [ConfigFinding(.warning, "channel \(channel.name): no webhook_secret_env; its webhooks will be refused (401) unless it says allow_unsigned = true")]
        }
        if (environment[variable] ?? "").isEmpty {
            return [ConfigFinding(.warning, "channel \(channel.name): webhook_secret_env \(variable) is not set; its webhooks will be refused (401)")]
        }
        return []
    }

    /// Whether replies on the channel can be sent (its token is in the environment).
    static func sendFindings(_ channel: Channel, environment: [String: String]) -> [ConfigFinding] {
        guard let variable = channel.tokenEnv, !variable.isEmpty, (environment[variable] ?? "").isEmpty,
              channel.sendURL != nil else { return [] }
        return [ConfigFinding(.warning, "channel \(channel.name): token_env \(variable) is not set; replies on it cannot be sent")]
    }

    /// Two channels claiming one number or provider id: webhooks could not be routed.
    static func duplicates(_ channels: [Channel]) -> [ConfigFinding] {
        var findings: [ConfigFinding] = []
        var numbers: [String: String] = [:]
        var ids: [String: String] = [:]
        for channel in channels {
            if let number = channel.number, !number.isEmpty {
                let key = "\(channel.provider.rawValue) \(number)"
                if let other = numbers[key] {
                    findings.append(ConfigFinding(.error, "channels \(other) and \(channel.name) both have number \(number) on \(channel.provider.rawValue)"))
                }
                numbers[key] = channel.name
            }
            if let id = channel.id, !id.isEmpty {
                let key = "\(channel.provider.rawValue) \(id)"
                if let other = ids[key] {
                    findings.append(ConfigFinding(.error, "channels \(other) and \(channel.name) both have id \(id) on \(channel.provider.rawValue)"))
                }
                ids[key] = channel.name
            }
        }
        return findings
    }
}
