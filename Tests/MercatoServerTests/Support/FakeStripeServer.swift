import Foundation
import Hummingbird
import HummingbirdTesting
import MercatoServer

/// Runs `FakeStripe` behind a Hummingbird server on a free local port for the length of a test.
enum FakeStripeServer {
    /// A running fake: its state, and gateways pointed at it.
    struct Connection: Sendable {
        let stripe: FakeStripe
        let baseURL: String

        func gateway(secretKey: String = FakeStripe.secretKey, timeout: Duration = .seconds(5)) -> StripeGateway {
            StripeGateway(
                client: .shared, secretKey: secretKey, publishableKey: "pk_test_fake", baseURL: baseURL, timeout: timeout)
        }
    }

    static func run<Value: Sendable>(_ test: @Sendable (Connection) async throws -> Value) async throws -> Value {
        let stripe = FakeStripe()
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            try await respond(to: request, with: stripe)
        }
        router.get("/v1/**", use: handler)
        router.post("/v1/**", use: handler)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return try await app.test(.live) { client in
            try await test(Connection(stripe: stripe, baseURL: "http://127.0.0.1:\(client.port!)"))
        }
    }

    private static func respond(to request: Request, with stripe: FakeStripe) async throws -> Response {
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let body = try await request.body.collect(upTo: 1 << 20)
        let answer = await stripe.respond(
            to: FakeStripeRequest(
                method: request.method.rawValue, path: request.uri.path, headers: headers,
                // Stripe reads a GET's parameters from the query string, as a POST's from its form body.
                body: request.method == .get ? request.uri.query ?? "" : String(buffer: body)))
        var responseHeaders: HTTPFields = [.contentType: "application/json"]
        responseHeaders[.init("Request-Id")!] = "req_\(UUID().uuidString.prefix(14))"
        if answer.replayed { responseHeaders[.init("Idempotent-Replayed")!] = "true" }
        return Response(
            status: .init(code: answer.status), headers: responseHeaders,
            body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
