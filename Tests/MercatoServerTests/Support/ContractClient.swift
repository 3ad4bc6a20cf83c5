import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// A test client that checks every answer against `openapi.yaml` and keeps the documented responses it saw.
struct ContractClient: Sendable {
    struct Answer {
        var status: Int
        var json: [String: Any]
        var headers: HTTPFields
    }

    let client: any TestClientProtocol
    let contract: OpenAPIContract
    private let log = ResponseLog()

    init(_ client: any TestClientProtocol, contract: OpenAPIContract) {
        self.client = client
        self.contract = contract
    }

    var seen: Set<OpenAPIContract.Response> { log.responses.withLock { $0 } }

    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, contentType: String = "application/json",
        headers: HTTPFields = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Answer {
        try await send(method, uri, bytes: body.map { Array($0.utf8) }, contentType: contentType, headers: headers, sourceLocation: sourceLocation)
    }

    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, bytes: [UInt8]?, contentType: String = "application/json",
        headers: HTTPFields = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Answer {
        var headers = headers
        if bytes != nil { headers[.contentType] = contentType }
        let (status, responseHeaders, body) = try await client.execute(
            uri: uri, method: method, headers: headers, body: bytes.map { ByteBuffer(bytes: $0) }
        ) { response in (Int(response.status.code), response.headers, Array(buffer: response.body)) }
        let (response, violations) = contract.check(
            method: method.rawValue, path: uri, status: status, contentType: responseHeaders[.contentType], body: body)
        for violation in violations { Issue.record(Comment(rawValue: violation), sourceLocation: sourceLocation) }
        if let response { _ = log.responses.withLock { $0.insert(response) } }
        let json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        return Answer(status: status, json: json, headers: responseHeaders)
    }

    /// Records a problem for each expected response that was not seen.
    func expectSeen(_ expected: Set<OpenAPIContract.Response>, sourceLocation: SourceLocation = #_sourceLocation) {
        let missing = expected.subtracting(seen).sorted()
        #expect(missing.isEmpty, "not exercised: \(missing)", sourceLocation: sourceLocation)
    }
}

private final class ResponseLog: Sendable {
    let responses = Mutex<Set<OpenAPIContract.Response>>([])
}
