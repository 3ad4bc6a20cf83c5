import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import MercatoCore
import Testing

@testable import MercatoServer

/// Every (operation, status) that `openapi.yaml` documents is provoked against the server, and every answer,
/// wanted or not, is checked against the document: status, content type, and body schema.
@Suite struct OpenAPIContractTests {
    private typealias Response = OpenAPIContract.Response

    private static func responses(_ operation: String, _ statuses: Int...) -> [Response] {
        statuses.map { Response(operation: operation, status: $0) }
    }

    private static let carts = Set(
        responses("listShippingMethods", 200) + responses("productAvailability", 200, 400)
            + responses("createCart", 201, 400, 404, 409, 413, 415, 422) + responses("getCart", 200, 404, 410)
            + responses("addCartLine", 200, 400, 404, 409, 410, 413, 415, 422)
            + responses("setCartLineQuantity", 200, 400, 404, 409, 410, 413, 415, 422)
            + responses("removeCartLine", 200, 404, 409, 410) + responses("acceptCartPrices", 200, 404, 409, 410))

    private static let orders = Set(
        responses("checkout", 201, 400, 404, 409, 410, 413, 415, 422) + responses("trackOrder", 200, 404)
            + responses("payOrder", 200, 202, 400, 402, 404, 409, 413, 415, 422, 502)
            + responses("cancelOrder", 200, 400, 404, 409, 413, 415, 422, 502))

    private static let rateLimited = Set(
        ["createCart", "getCart", "addCartLine", "setCartLineQuantity", "removeCartLine", "acceptCartPrices", "checkout",
         "trackOrder", "payOrder", "cancelOrder"].map { Response(operation: $0, status: 429) })

    private static let operations = Set(
        responses("health", 200) + responses("metrics", 200) + responses("ready", 200, 503)
            + responses("stripeWebhook", 200, 400, 404, 413))

    private static let largeBody = "{\"slug\":\"" + String(repeating: "x", count: 70_000) + "\"}"

    @Test func everyDocumentedResponseIsProvokedBySomeTest() throws {
        let documented = try OpenAPIContract().documentedResponses
        let provoked = Self.carts.union(Self.orders).union(Self.rateLimited).union(Self.operations)
        #expect(documented.subtracting(provoked).sorted() == [], "documented but never provoked")
        #expect(provoked.subtracting(documented).sorted() == [], "provoked but not documented")
    }

    @Test func theCheckCatchesAnswersThatBreakTheContract() throws {
        let contract = try OpenAPIContract()
        func violations(_ method: String, _ path: String, _ status: Int, _ type: String?, _ body: String) -> [String] {
            contract.check(method: method, path: path, status: status, contentType: type, body: Array(body.utf8)).violations
        }
        let problem = #"{"type":"/problems/not-found","title":"Not found","status":404,"detail":"No such cart."}"#
        #expect(violations("GET", "/api/v1/carts/abc", 404, "application/problem+json", problem) == [])
        #expect(violations("GET", "/api/v1/carts/abc", 404, "application/json", problem).count == 1)
        #expect(violations("GET", "/api/v1/carts/abc", 418, "application/problem+json", problem).count == 1)
        #expect(violations("GET", "/api/v1/nothing", 200, "application/json", "{}").count == 1)
        #expect(violations("GET", "/api/v1/carts/abc", 404, "application/problem+json", "not json").count == 1)
        let broken = #"{"type":"/problems/not-found","title":"Not found","status":"404","colour":"red"}"#
        let found = violations("GET", "/api/v1/carts/abc", 404, "application/problem+json", broken)
        #expect(found.count == 3, "\(found)")
        #expect(found.contains { $0.contains("body.detail is required") })
        #expect(found.contains { $0.contains("body.status is string, not integer") })
        #expect(found.contains { $0.contains("body.colour is not documented") })
        let cart = #"""
            {"token":"t","status":"closed","currency":"USD","lines":[{"slug":"mug","name":"Mug","url":"/p/mug/","quantity":0,
            "unitPriceMinor":100,"seenPriceMinor":100,"priceChanged":false,"lineTotalMinor":0,"available":1,"stock":"in_stock"}],
            "itemCount":0,"subtotalMinor":0,"hasPriceChanges":false,"hasStockProblems":null,"expiresAt":"tomorrow"}
            """#
        let cartFound = violations("GET", "/api/v1/carts/t", 200, "application/json", cart)
        #expect(cartFound.count == 4, "\(cartFound)")
        #expect(cartFound.contains { $0.contains("body.status 'closed' is not one of") })
        #expect(cartFound.contains { $0.contains("body.lines[0].quantity 0 is beyond the minimum 1") })
        #expect(cartFound.contains { $0.contains("body.hasStockProblems is null") })
        #expect(cartFound.contains { $0.contains("body.expiresAt 'tomorrow' is not an RFC 3339 date-time") })
    }

    @Test func cartsAnswerAsDocumented() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        let contract = try OpenAPIContract()
        try await shop.application().test(.router) { client in
            let api = ContractClient(client, contract: contract)
            try await api.send(.get, "/api/v1/shipping-methods")
            try await api.send(.get, "/api/v1/products/availability?slugs=mug,teapot,nothing")
            try await api.send(.get, "/api/v1/products/availability")

            let token = try #require(try await api.send(.post, "/api/v1/carts").json["token"] as? String)
            let started = try await api.send(.post, "/api/v1/carts", #"{"slug":"mug","quantity":2,"seenPriceMinor":1100}"#)
            #expect(started.status == 201 && (started.json["lines"] as? [Any])?.count == 1)
            try await api.send(.post, "/api/v1/carts", #"{"slug":"mug","#)
            try await api.send(.post, "/api/v1/carts", #"{"slug":"nothing","quantity":1}"#)
            try await api.send(.post, "/api/v1/carts", #"{"slug":"kettle","quantity":1}"#)
            try await api.send(.post, "/api/v1/carts", Self.largeBody)
            try await api.send(.post, "/api/v1/carts", "slug=mug", contentType: "text/plain")
            try await api.send(.post, "/api/v1/carts", #"{"slug":"mug","quantity":0}"#)
            let lines = "/api/v1/carts/\(token)/lines"
            try await api.send(.get, "/api/v1/carts/\(token)")
            try await api.send(.get, "/api/v1/carts/no-such-cart")
            try await api.send(.post, lines, #"{"slug":"mug","quantity":1,"seenPriceMinor":1100}"#)
            try await api.send(.post, lines, #"{"slug":"mug","#)
            try await api.send(.post, lines, #"{"slug":"nothing","quantity":1}"#)
            try await api.send(.post, lines, #"{"slug":"kettle","quantity":1}"#)
            try await api.send(.post, lines, Self.largeBody)
            try await api.send(.post, lines, "slug=mug", contentType: "text/plain")
            try await api.send(.post, lines, #"{"slug":"mug","quantity":0}"#)
            try await api.send(.put, "\(lines)/mug", #"{"quantity":2}"#)
            try await api.send(.put, "\(lines)/mug", #"{"quantity":"#)
            try await api.send(.put, "\(lines)/teapot", #"{"quantity":1}"#)
            try await api.send(.put, "\(lines)/mug", #"{"quantity":11}"#)
            try await api.send(.put, "\(lines)/mug", Self.largeBody)
            try await api.send(.put, "\(lines)/mug", "2", contentType: "text/plain")
            try await api.send(.put, "\(lines)/mug", #"{"quantity":100}"#)
            try await api.send(.post, lines, #"{"slug":"teapot","quantity":1}"#)
            try await api.send(.delete, "\(lines)/teapot")
            try await api.send(.delete, "\(lines)/teapot")
            try await api.send(.post, "/api/v1/carts/\(token)/accept-prices")
            try await api.send(.post, "/api/v1/carts/no-such-cart/accept-prices")

            // An ordered cart no longer changes.
            #expect(try await client.checkout(token).status == .created)
            try await api.send(.delete, "\(lines)/mug")
            try await api.send(.post, "/api/v1/carts/\(token)/accept-prices")

            // A month later the shopper's next cart has expired.
            let stale = try #require(try await api.send(.post, "/api/v1/carts").json["token"] as? String)
            try await api.send(.post, "/api/v1/carts/\(stale)/lines", #"{"slug":"mug","quantity":1}"#)
            shop.clock.advance(by: 31 * 24 * 3600)
            try await api.send(.get, "/api/v1/carts/\(stale)")
            try await api.send(.post, "/api/v1/carts/\(stale)/lines", #"{"slug":"mug","quantity":1}"#)
            try await api.send(.put, "/api/v1/carts/\(stale)/lines/mug", #"{"quantity":2}"#)
            try await api.send(.delete, "/api/v1/carts/\(stale)/lines/mug")
            try await api.send(.post, "/api/v1/carts/\(stale)/accept-prices")
            api.expectSeen(Self.carts)
        }
    }

    @Test func checkoutPaymentsAndTrackingAnswerAsDocumented() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        let contract = try OpenAPIContract()
        let gateway = RefundsUnavailable(base: shop.gateway)
        try await shop.application(gateway: gateway).test(.router) { client in
            let api = ContractClient(client, contract: contract)
            func checkout(_ cart: String) -> String {
                #"{"cartToken":"\#(cart)","email":"ann@example.com","shippingMethod":"standard","shippingAddress":\#(CheckoutFixture.address)}"#
            }
            let first = try await client.cart([("teapot", 3)])
            let second = try await client.cart([("teapot", 1)])
            let order = try await api.send(.post, "/api/v1/checkout", checkout(first), headers: [.idempotencyKey: "k1"]).json
            let replay = try await api.send(.post, "/api/v1/checkout", checkout(first), headers: [.idempotencyKey: "k1"])
            #expect(replay.headers[.init("Idempotent-Replayed")!] == "true")
            try await api.send(.post, "/api/v1/checkout", checkout(second))
            try await api.send(.post, "/api/v1/checkout", #"{"cartToken":"#)
            try await api.send(.post, "/api/v1/checkout", checkout("no-such-cart"))
            try await api.send(.post, "/api/v1/checkout", Self.largeBody)
            try await api.send(.post, "/api/v1/checkout", "cart", contentType: "text/plain")
            try await api.send(.post, "/api/v1/checkout", checkout(second).replacingOccurrences(of: "ann@example.com", with: "ann"))
            let repriced = try await client.cart([])
            try await client.json(.post, "/api/v1/carts/\(repriced)/lines", #"{"slug":"mug","quantity":1,"seenPriceMinor":1100}"#)
            try await api.send(.post, "/api/v1/checkout", checkout(repriced))

            let number = try #require(order["number"] as? String)
            let token = try #require(order["trackingToken"] as? String)
            let orderPath = "/api/v1/orders/\(number)"
            try await api.send(.get, "\(orderPath)?token=\(token)")
            try await api.send(.get, "\(orderPath)?token=guess")
            try await api.send(.post, "\(orderPath)/payments", #"{"token":"\#(token)","paymentMethod":"pm_card_chargeDeclined"}"#)
            try await api.send(.post, "\(orderPath)/payments", #"{"token":"\#(token)","paymentMethod":"pm_card_gatewayError"}"#)
            try await api.send(.post, "\(orderPath)/payments", #"{"token":"\#(token)","#)
            try await api.send(.post, "\(orderPath)/payments", #"{"token":"guess","paymentMethod":"pm_card_visa"}"#)
            try await api.send(.post, "\(orderPath)/payments", Self.largeBody)
            try await api.send(.post, "\(orderPath)/payments", "pm_card_visa", contentType: "text/plain")
            try await api.send(.post, "\(orderPath)/payments", #"{"token":"\#(token)"}"#)
            try await api.send(.post, "\(orderPath)/payments", #"{"token":"\#(token)","paymentMethod":"pm_card_visa"}"#)
            // A paid order cannot be refunded while the provider is down: the shopper is told to try again.
            try await api.send(.post, "\(orderPath)/cancel", #"{"token":"\#(token)"}"#)
            #expect(try await shop.database.orderDetails(number: number).status == .paid)

            let delayed = try await client.checkout(try await client.cart([("mug", 1)])).json
            let delayedPath = "/api/v1/orders/\(delayed["number"]!)"
            let delayedToken = #"{"token":"\#(delayed["trackingToken"]!)""#
            try await api.send(.post, "\(delayedPath)/payments", delayedToken + #","paymentMethod":"pm_card_delayed"}"#)

            let unpaid = try await client.checkout(try await client.cart([("mug", 1)])).json
            let unpaidPath = "/api/v1/orders/\(unpaid["number"]!)"
            let unpaidToken = #"{"token":"\#(unpaid["trackingToken"]!)""#
            try await api.send(.post, "\(unpaidPath)/cancel", #"{"token":"#)
            try await api.send(.post, "\(unpaidPath)/cancel", #"{"token":"guess"}"#)
            try await api.send(.post, "\(unpaidPath)/cancel", Self.largeBody)
            try await api.send(.post, "\(unpaidPath)/cancel", "token", contentType: "text/plain")
            try await api.send(.post, "\(unpaidPath)/cancel", #"{"number":1}"#)
            try await api.send(.post, "\(unpaidPath)/cancel", unpaidToken + "}")
            try await api.send(.post, "\(unpaidPath)/cancel", unpaidToken + "}")
            try await api.send(.post, "\(unpaidPath)/payments", unpaidToken + #","paymentMethod":"pm_card_visa"}"#)

            let stale = try await client.cart([("mug", 1)])
            shop.clock.advance(by: 31 * 24 * 3600)
            try await api.send(.post, "/api/v1/checkout", checkout(stale))
            api.expectSeen(Self.orders)
        }
    }

    @Test func rateLimitedOperationsAnswerTooManyRequests() async throws {
        var shop = try CheckoutFixture()
        defer { shop.remove() }
        let oncePerHour = RateLimits.Limit(burst: 1, perMinute: 1.0 / 60)
        shop.configuration.rateLimits = RateLimits(cart: oncePerHour, checkout: oncePerHour, tracking: oncePerHour)
        let contract = try OpenAPIContract()
        try await shop.application().test(.router) { client in
            let api = ContractClient(client, contract: contract)
            let order = "/api/v1/orders/M-7K3Q-9XH2-PD4A"
            for _ in 1...2 {
                try await api.send(.post, "/api/v1/carts")
                try await api.send(.get, "/api/v1/carts/abc")
                try await api.send(.post, "/api/v1/carts/abc/lines", #"{"slug":"mug","quantity":1}"#)
                try await api.send(.put, "/api/v1/carts/abc/lines/mug", #"{"quantity":1}"#)
                try await api.send(.delete, "/api/v1/carts/abc/lines/mug")
                try await api.send(.post, "/api/v1/carts/abc/accept-prices")
                try await api.send(.post, "/api/v1/checkout", #"{"cartToken":"abc"}"#)
                try await api.send(.get, "\(order)?token=guess")
                try await api.send(.post, "\(order)/payments", #"{"token":"guess","paymentMethod":"pm_card_visa"}"#)
                try await api.send(.post, "\(order)/cancel", #"{"token":"guess"}"#)
            }
            api.expectSeen(Self.rateLimited)
        }
    }

    @Test func webhooksAndOperationsEndpointsAnswerAsDocumented() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        let contract = try OpenAPIContract()
        let secret = "whsec_contract_test"
        let event = #"{"id":"evt_contract","object":"event","type":"customer.created","created":1790000000,"data":{"object":{"id":"cus_1","object":"customer"}}}"#
        try await shop.application().test(.router) { client in
            let api = ContractClient(client, contract: contract)
            try await api.send(.post, "/api/v1/webhooks/stripe", event, headers: StripeSignature.header(for: event, at: shop.clock.now(), secret: secret))
            api.expectSeen([Response(operation: "stripeWebhook", status: 404)])
        }
        let webhooks = StripeWebhookVerifier(signingSecret: secret, clock: shop.clock)
        try await shop.application(webhooks: webhooks).test(.router) { client in
            let api = ContractClient(client, contract: contract)
            try await api.send(.get, "/health")
            try await api.send(.get, "/metrics")
            try await api.send(.get, "/ready")
            let signature = StripeSignature.header(for: event, at: shop.clock.now(), secret: secret)
            try await api.send(.post, "/api/v1/webhooks/stripe", event, headers: signature)
            try await api.send(.post, "/api/v1/webhooks/stripe", event)
            try await api.send(.post, "/api/v1/webhooks/stripe", Self.largeBody, headers: signature)
            // A server whose database has gone away is alive but not ready.
            try shop.database.writer.close()
            try await api.send(.get, "/ready")
            api.expectSeen(Self.operations.subtracting([Response(operation: "stripeWebhook", status: 404)]))
        }
    }
}

/// The test gateway, except that refunds fail as when the provider cannot be reached.
private struct RefundsUnavailable: PaymentGateway {
    let base: TestCardGateway
    var provider: String { base.provider }
    var publishableKey: String? { nil }

    func createPayment(_ request: PaymentRequest) async throws -> GatewayPayment { try await base.createPayment(request) }

    func confirmPayment(id: String, paymentMethod: String, idempotencyKey: String) async throws -> GatewayPayment {
        try await base.confirmPayment(id: id, paymentMethod: paymentMethod, idempotencyKey: idempotencyKey)
    }

    func retrievePayment(id: String) async throws -> GatewayPayment { try await base.retrievePayment(id: id) }

    func refund(paymentId: String, amountMinor: Int, idempotencyKey: String) async throws -> GatewayRefund {
        throw PaymentGatewayError(provider: provider, detail: "connection refused", retryable: true)
    }

    func refunds(paymentId: String) async throws -> [GatewayRefund] { [] }
}
