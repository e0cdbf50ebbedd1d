import NIOHTTP1
import AsyncHTTPClient
import JSON
import NIOCore
import Webhooks

/// `ProviderTransport` over AsyncHTTPClient's shared client, with a deadline per attempt.
public struct HTTPTransport: ProviderTransport {
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
            let response = try await HTTPClient.shared.execute(http, timeout: TimeAmount(timeout))
            let body = try await response.body.collect(upTo: maxResponseBytes)
            return TransportResponse(status: Int(response.status.code), body: Array(body.readableBytesView))
        } catch let error as HTTPClientError where error == .connectTimeout {
            throw .connectTimeout
        } catch let error as HTTPClientError
                    where error == .deadlineExceeded || error == .readTimeout || error == .writeTimeout {
            throw .responseTimeout
        } catch {
            throw .failed(String(describing: error))
        }
    }
}
