import Foundation
import Hummingbird
import HummingbirdTesting
import MercatoCore
import GRDB
import MercatoDatabase
import NIOCore

@testable import MercatoServer

/// A checkout server over a real SQLite file in a temporary folder: a few products with known stock,
/// the test card gateway, a clock the test moves. Rate limits are off unless a test sets them.
struct CheckoutFixture {
    let folder: URL
    let database: AppDatabase
    let clock = FixedClock(Date(timeIntervalSince1970: 1_790_000_000))
    let gateway: TestCardGateway
    var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, rateLimits: nil)

    static let address = #"{"name":"Ann Shopper","line1":"1 Main Street","city":"Springfield","postalCode":"12345","country":"US"}"#

    init(stock: [String: Int] = ["mug": 10, "teapot": 3, "kettle": 0]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-checkout-\(UUID().uuidString)")
        database = try AppDatabase.open(at: folder.appendingPathComponent("mercato.sqlite").path, clock: clock)
        gateway = TestCardGateway(ledger: database, confirmationDelay: .milliseconds(100))
        try database.saveCategory(slug: Slug("kitchen"), name: "Kitchen", actor: "test")
        let prices = ["mug": 1250, "teapot": 4500, "kettle": 3000]
        for (slug, onHand) in stock.sorted(by: { $0.key < $1.key }) {
            try database.addProduct(
                ProductDraft(
                    slug: Slug(slug), name: slug.capitalized, categorySlug: Slug("kitchen"),
                    price: Money(minorUnits: prices[slug] ?? 1000, currency: .usd), stock: onHand),
                actor: "test")
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func application(gateway: (any PaymentGateway)? = nil, webhooks: StripeWebhookVerifier? = nil) throws
        -> some ApplicationProtocol
    {
        try buildApplication(
            configuration,
            dependencies: ServerDependencies(database: database, gateway: gateway ?? self.gateway, stripeWebhooks: webhooks))
    }

    func stock(_ slug: String) throws -> (onHand: Int, reserved: Int) {
        try database.writer.read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT onHand, reserved FROM inventory JOIN product ON product.id = productId WHERE slug = ?",
                arguments: [slug])!
            return (row["onHand"], row["reserved"])
        }
    }
}

/// JSON requests and answers for route tests.
extension TestClientProtocol {
    @discardableResult
    func json(
        _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, headers: HTTPFields = [:]
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any], headers: HTTPFields) {
        var headers = headers
        if body != nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { response in
            let object = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any]
            return (response.status, object ?? [:], response.headers)
        }
    }

    /// A new cart holding `lines`; returns its token.
    func cart(_ lines: [(String, Int)]) async throws -> String {
        let token = try await json(.post, "/api/v1/carts").json["token"] as! String
        for (slug, quantity) in lines {
            try await json(.post, "/api/v1/carts/\(token)/lines", #"{"slug":"\#(slug)","quantity":\#(quantity)}"#)
        }
        return token
    }

    /// Checks out a cart; returns the response.
    func checkout(_ cart: String, method: String = "standard", discount: String? = nil, key: String? = nil)
        async throws -> (status: HTTPResponse.Status, json: [String: Any], headers: HTTPFields)
    {
        var headers: HTTPFields = [:]
        if let key { headers[.init("Idempotency-Key")!] = key }
        let code = discount.map { #","discountCode":"\#($0)""# } ?? ""
        return try await json(
            .post, "/api/v1/checkout",
            #"{"cartToken":"\#(cart)","email":"ann@example.com","shippingMethod":"\#(method)","shippingAddress":\#(CheckoutFixture.address)\#(code)}"#,
            headers: headers)
    }

    func pay(_ order: [String: Any], with method: String, key: String? = nil) async throws
        -> (status: HTTPResponse.Status, json: [String: Any], headers: HTTPFields)
    {
        var headers: HTTPFields = [:]
        if let key { headers[.init("Idempotency-Key")!] = key }
        return try await json(
            .post, "/api/v1/orders/\(order["number"]!)/payments",
            #"{"token":"\#(order["trackingToken"]!)","paymentMethod":"\#(method)"}"#, headers: headers)
    }
}
