import Crypto
import Foundation
import Identity
import Server
import Testing

@Suite("SignatureScheme, without a server")
struct SignatureSchemeTests {
    static let body = Array(#"{"object":"whatsapp_business_account","entry":[]}"#.utf8)
    static let secret = "app-secret"

    static var mac256: [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8))))
    }

    static var mac512: [UInt8] {
        Array(HMAC<SHA512>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8))))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let scheme: SignatureScheme
        let headers: [String: String]
        var query: [String: String] = [:]
        let expected: SignatureVerdict
        let testDescription: String
    }

    static var cases: [Case] {
        let hex = Signer.hex(mac256)
        let base64 = Data(mac256).base64EncodedString()
        return [
            Case(scheme: .metaHubSignature256, headers: ["x-hub-signature-256": "sha256=" + hex.uppercased()],
                 expected: .valid, testDescription: "Meta: upper-case hex"),
            Case(scheme: .metaHubSignature256, headers: ["x-hub-signature-256": "SHA256=" + hex],
                 expected: .valid, testDescription: "Meta: upper-case prefix"),
            Case(scheme: .metaHubSignature256, headers: ["x-hub-signature-256": hex],
                 expected: .invalid, testDescription: "Meta: no sha256= prefix"),
            Case(scheme: .metaHubSignature256, headers: ["x-hub-signature-256": "sha256=" + hex.dropLast(2)],
                 expected: .invalid, testDescription: "Meta: truncated"),
            Case(scheme: .metaHubSignature256, headers: ["x-hub-signature": "sha256=" + hex],
                 expected: .missing, testDescription: "Meta: Webex's header name instead"),
            Case(scheme: .kapsoHex, headers: ["x-webhook-signature": "sha256=" + hex],
                 expected: .valid, testDescription: "Kapso: tolerated sha256= prefix"),
            Case(scheme: .kapsoHex, headers: ["x-webhook-signature": base64],
                 expected: .invalid, testDescription: "Kapso: base64 instead of hex"),
            Case(scheme: .connectlyBase64, headers: ["x-connectly-hmac-sha256": String(base64.filter { $0 != "=" })],
                 expected: .valid, testDescription: "Connectly: base64 without padding"),
            Case(scheme: .connectlyBase64, headers: ["x-connectly-hmac-sha256": hex],
                 expected: .invalid, testDescription: "Connectly: hex instead of base64"),
            Case(scheme: .webexHubSignature, headers: ["x-hub-signature": "sha512=" + Signer.hex(mac512)],
                 expected: .valid, testDescription: "Webex: HMAC-SHA512"),
            Case(scheme: .webexHubSignature, headers: ["x-hub-signature": "sha1=" + hex],
                 expected: .invalid, testDescription: "Webex: unsupported algorithm"),
            Case(scheme: .sinchNonceTimestamp, headers: ["x-sinch-webhook-signature": base64],
                 expected: .invalid, testDescription: "Sinch: no nonce or timestamp"),
            Case(scheme: .azureQuerySecret, headers: [:], query: ["secret": secret],
                 expected: .valid, testDescription: "Azure: right query secret"),
            Case(scheme: .azureQuerySecret, headers: [:], query: ["secret": secret + "x"],
                 expected: .invalid, testDescription: "Azure: wrong query secret"),
            Case(scheme: .azureQuerySecret, headers: ["x-hub-signature-256": "sha256=" + hex],
                 expected: .missing, testDescription: "Azure: no query secret"),
        ]
    }

    @Test(arguments: cases)
    func verdict(_ test: Case) {
        #expect(test.scheme.verify(body: Self.body, headers: test.headers, query: test.query, secret: Self.secret)
                == test.expected)
    }

    @Test(arguments: ProviderKind.allCases)
    func changingOneByteOfTheBodyBreaksTheSignature(_ provider: ProviderKind) {
        let scheme = SignatureScheme(provider: provider)
        let signed = Signer.sign(Self.body, scheme: provider, secret: Self.secret)
        let query = signed.query.isEmpty ? [:] : ["secret": Self.secret]
        let headers = Dictionary(uniqueKeysWithValues: signed.headers.map { ($0.key.lowercased(), $0.value) })
        #expect(scheme.verify(body: Self.body, headers: headers, query: query, secret: Self.secret) == .valid)
        var tampered = Self.body
        tampered[tampered.count - 2] = UInt8(ascii: "x")
        // Azure's secret does not cover the body (Event Grid signs nothing); every HMAC scheme does.
        let expected: SignatureVerdict = provider == .azure ? .valid : .invalid
        #expect(scheme.verify(body: tampered, headers: headers, query: query, secret: Self.secret) == expected)
    }
}
