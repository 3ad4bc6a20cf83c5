import Foundation
import NIOCore
import NIOHTTP1

/// The checkout API as a shopper's browser calls it, timing every request into a ``Recorder``.
///
/// Each shopper (or worker) has its own, and so its own connection.
struct ShopAPI: Sendable {
    let connection: Connection
    let recorder: Recorder

    init(base: String, recorder: Recorder) throws {
        connection = try Connection(base: base)
        self.recorder = recorder
    }

    struct Answer: Sendable {
        var status: Int
        var body: Data
    }

    struct Cart: Decodable { var token: String }
    struct Order: Decodable {
        var number: String
        var trackingToken: String
        var status: String
    }
    struct Problem: Decodable { var type: String }

    static let address =
        #"{"name":"Ann Shopper","line1":"1 Main Street","city":"Springfield","postalCode":"12345","country":"US"}"#

    func availability(_ slugs: [String]) async throws -> Answer {
        try await send(.lookup, .GET, "/products/availability?slugs=" + slugs.joined(separator: ","))
    }

    /// A new cart holding one of the product, as the storefront's first "add to cart" makes it.
    func startCart(with slug: String) async throws -> (Answer, Cart?) {
        let answer = try await send(.startCart, .POST, "/carts", body: #"{"slug":"\#(slug)","quantity":1}"#)
        return (answer, answer.status == 201 ? try? JSONDecoder().decode(Cart.self, from: answer.body) : nil)
    }

    func add(_ slug: String, quantity: Int = 1, to cart: String) async throws -> Answer {
        try await send(.addToCart, .POST, "/carts/\(cart)/lines", body: #"{"slug":"\#(slug)","quantity":\#(quantity)}"#)
    }

    func checkout(cart: String, shopper: Int, key: String) async throws -> (Answer, Order?) {
        let body =
            #"{"cartToken":"\#(cart)","email":"shopper\#(shopper)@example.com","shippingMethod":"standard","shippingAddress":\#(Self.address)}"#
        let answer = try await send(.checkout, .POST, "/checkout", body: body, idempotencyKey: key)
        return (answer, answer.status == 201 ? try? JSONDecoder().decode(Order.self, from: answer.body) : nil)
    }

    func pay(_ order: Order, key: String, method: String = "pm_card_visa") async throws -> (Answer, Order?) {
        let answer = try await send(
            .pay, .POST, "/orders/\(order.number)/payments",
            body: #"{"token":"\#(order.trackingToken)","paymentMethod":"\#(method)"}"#, idempotencyKey: key)
        return (answer, answer.status == 200 ? try? JSONDecoder().decode(Order.self, from: answer.body) : nil)
    }

    /// The problem type of a refusal, e.g. `/problems/out-of-stock`.
    static func problemType(_ answer: Answer) -> String? {
        (try? JSONDecoder().decode(Problem.self, from: answer.body))?.type
    }

    private func send(
        _ operation: Operation, _ method: HTTPMethod, _ path: String, body: String? = nil, idempotencyKey: String? = nil
    ) async throws -> Answer {
        var headers = HTTPHeaders()
        if body != nil { headers.add(name: "Content-Type", value: "application/json") }
        if let idempotencyKey { headers.add(name: "Idempotency-Key", value: idempotencyKey) }
        let bytes = body.map { ByteBuffer(string: $0) }
        let start = ContinuousClock.now
        do {
            let response = try await connection.send(method, "/api/v1" + path, headers: headers, body: bytes)
            let answer = Answer(status: response.status, body: Data(response.body.readableBytesView))
            recorder.record(operation, status: answer.status, since: start)
            return answer
        } catch {
            recorder.recordFailure(operation, error: error)
            throw error
        }
    }
}

func randomKey() -> String { UUID().uuidString }
