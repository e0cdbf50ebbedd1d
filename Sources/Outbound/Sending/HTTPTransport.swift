import NIOHTTP1
import AsyncHTTPClient
import JSON
import NIOCore
import Webhooks

/// `ProviderTransport` over one AsyncHTTPClient for all sends, with a deadline per attempt.
/// Its pool does not retry a refused connection for the whole deadline (AsyncHTTPClient's
/// default): a provider that is down fails the send at once, in one sentence.
public struct HTTPTransport: ProviderTransport {
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(5))
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Time one attempt may take, connection included.
    public var timeout: Duration
    /// Largest answer read; providers answer with a few hundred bytes.
    public var maxResponseBytes: Int

    public init(timeout: Duration = .seconds(20), maxResponseBytes: Int = 1 << 20) {
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    public func perform(_ request: ProviderRequest) async throws(TransportError) -> TransportResponse {
        var http = HTTPClientRequest(url: request.url)
        http.method = .RAW(value: request.method)
        for header in request.headers { http.headers.add(name: header.name, value: header.value) }
        http.body = .bytes(ByteBuffer(string: request.body.serialized()))
        do {
            let response = try await Self.client.execute(http, timeout: TimeAmount(timeout))
            let body = try await response.body.collect(upTo: maxResponseBytes)
            return TransportResponse(status: Int(response.status.code), body: Array(body.readableBytesView))
        } catch let error as HTTPClientError where error == .connectTimeout {
            throw .connectTimeout
        } catch let error as HTTPClientError
                    where error == .deadlineExceeded || error == .readTimeout || error == .writeTimeout {
            throw .responseTimeout
        } catch {
            throw .failed(TransportErrorText.sentence(error, url: request.url))
        }
    }
}
