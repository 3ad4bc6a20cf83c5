import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import MercatoCore
import Testing

@testable import MercatoServer

@Suite struct CheckoutRouteTests {
    @Test func theServerComputesTotalsWithShippingDiscountAndTax() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try shop.database.saveDiscount(Discount(code: "WELCOME10", kind: .percent, value: 10))
        try await shop.application().test(.router) { client in
            // 2 × 12.50 = 25.00, below free shipping: 4.95; tax 8 % of 29.95 = 2.40 (2.396 rounded half up).
            let small = try await client.checkout(try await client.cart([("mug", 2)]))
            #expect(small.status == .created)
            #expect(small.json["totals"] as? [String: Int] == ["subtotalMinor": 2500, "discountMinor": 0, "shippingMinor": 495, "taxMinor": 240, "totalMinor": 3235])
            // 2 × 45.00 = 90.00, 10 % off = 81.00, ships free; tax 6.48.
            let large = try await client.checkout(try await client.cart([("teapot", 2)]), discount: "welcome10")
            #expect(large.json["totals"] as? [String: Int] == ["subtotalMinor": 9000, "discountMinor": 900, "shippingMinor": 0, "taxMinor": 648, "totalMinor": 8748])
            #expect(try shop.stock("teapot") == (3, 2))
            let express = try await client.checkout(try await client.cart([("mug", 1)]), method: "express")
            #expect((express.json["totals"] as? [String: Int])?["shippingMinor"] == 1495)
            let unknown = try await client.checkout(try await client.cart([("mug", 1)]), discount: "FREEMONEY")
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.json["field"] as? String == "discountCode")
        }
    }

    @Test func invalidContactDetailsNameTheFieldAndHoldNoStock() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await shop.application().test(.router) { client in
            let cart = try await client.cart([("mug", 1)])
            let cases: [(String, String)] = [
                (#""email":"not-an-email""#, "email"),
                (#""shippingAddress":{"name":"","line1":"1 Main","city":"X","postalCode":"1","country":"US"}"#, "shippingAddress.name"),
                (#""shippingAddress":{"name":"A","line1":"1 Main","city":"X","postalCode":"1","country":"ZZ"}"#, "shippingAddress.country"),
                (#""shippingAddress":{"name":"A","line1":"1 Main","city":"X","postalCode":"<script>","country":"US"}"#, "shippingAddress.postalCode"),
                (#""shippingMethod":"teleport""#, "shippingMethod"),
            ]
            for (override, field) in cases {
                var body: [String: Any] = [
                    "cartToken": cart, "email": "a@example.com", "shippingMethod": "standard",
                    "shippingAddress": try JSONSerialization.jsonObject(with: Data(CheckoutFixture.address.utf8)),
                ]
                let patch = try JSONSerialization.jsonObject(with: Data("{\(override)}".utf8)) as! [String: Any]
                body.merge(patch) { $1 }
                let text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
                let answer = try await client.json(.post, "/api/v1/checkout", text)
                #expect(answer.status == .unprocessableContent, "\(field)")
                #expect(answer.json["field"] as? String == field)
            }
            #expect(try shop.stock("mug") == (10, 0))
        }
    }

    @Test func aRetriedCheckoutWithTheSameKeyReturnsTheFirstOrder() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await shop.application().test(.router) { client in
            let cart = try await client.cart([("mug", 3)])
            let first = try await client.checkout(cart, key: "attempt-1")
            let retry = try await client.checkout(cart, key: "attempt-1")
            #expect(first.status == .created)
            #expect(retry.status == .created)
            #expect(retry.json["number"] as? String == first.json["number"] as? String)
            #expect(retry.headers[.init("Idempotent-Replayed")!] == "true")
            #expect(try shop.stock("mug") == (10, 3))
            let another = try await client.checkout(cart, key: "attempt-2")
            #expect(another.status == .conflict)
            #expect(another.json["type"] as? String == "/problems/cart-ordered")
        }
    }

    /// A keyed checkout claims its key in the write that places the order. One refused inside that write (the
    /// write and its claim roll back) or before it (a bad email) has its refusal stored under the key all the
    /// same: the retry gets it again, even once the order could be placed.
    @Test func aKeyedCheckoutsRefusalIsStoredWhereverItWasRefused() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await shop.application().test(.router) { client in
            let cart = try await client.cart([("mug", 4)])
            try shop.database.setStock(slug: Slug("mug"), onHand: 3, actor: "test")
            let short = try await client.checkout(cart, key: "k-stock")
            #expect(short.status == .conflict)
            #expect(short.json["type"] as? String == "/problems/out-of-stock")
            try shop.database.setStock(slug: Slug("mug"), onHand: 10, actor: "test")
            let retried = try await client.checkout(cart, key: "k-stock")
            #expect(retried.status == .conflict)
            #expect(retried.json["type"] as? String == "/problems/out-of-stock")
            #expect(retried.headers[.init("Idempotent-Replayed")!] == "true")

            let badEmail =
                #"{"cartToken":"\#(cart)","email":"ann","shippingMethod":"standard","shippingAddress":\#(CheckoutFixture.address)}"#
            let headers: HTTPFields = [.init("Idempotency-Key")!: "k-email"]
            let refused = try await client.json(.post, "/api/v1/checkout", badEmail, headers: headers)
            #expect(refused.status == .unprocessableContent)
            let again = try await client.json(.post, "/api/v1/checkout", badEmail, headers: headers)
            #expect(again.status == .unprocessableContent)
            #expect(again.headers[.init("Idempotent-Replayed")!] == "true")

            let placed = try await client.checkout(cart, key: "k-new")
            #expect(placed.status == .created)
            #expect(try shop.stock("mug") == (10, 4))
        }
        let stored = try await shop.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT key, responseStatus FROM idempotencyKey ORDER BY key").map {
                "\($0["key"] as String) \($0["responseStatus"] as Int)"
            }
        }
        #expect(stored == ["k-email 422", "k-new 201", "k-stock 409"])
    }

    /// Keys stored before the fingerprint was written by hand still match: the same lowercase hex of SHA-256.
    @Test func aRequestFingerprintIsTheHexSHA256OfPathAndBody() {
        #expect(
            IdempotentRequests.fingerprint(path: "ab", body: Data("c".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            IdempotentRequests.fingerprint(path: "", body: Data())
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func aDeclinedCardCanBeRetriedAndADelayedOneIsSettledLater() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await shop.application().test(.live) { client in
            let order = try await client.checkout(try await client.cart([("mug", 1)])).json
            let declined = try await client.pay(order, with: "pm_card_chargeDeclinedInsufficientFunds")
            #expect(declined.status.code == 402)
            #expect((declined.json["detail"] as? String)?.contains("insufficient funds") == true)
            let error = try await client.pay(order, with: "pm_card_gatewayError")
            #expect(error.status == .badGateway)
            let delayed = try await client.pay(order, with: "pm_card_delayed")
            #expect(delayed.status == .accepted)
            #expect(delayed.json["status"] as? String == "pending_payment")
            let tracking = "/api/v1/orders/\(order["number"]!)?token=\(order["trackingToken"]!)"
            var status = ""
            for _ in 0..<50 where status != "paid" {
                try await Task.sleep(for: .milliseconds(50))
                status = try await client.json(.get, tracking).json["status"] as? String ?? ""
            }
            #expect(status == "paid")
            #expect(try shop.stock("mug") == (9, 0))
        }
    }

    @Test func trackingNeedsTheSignedTokenAndAnExpiredHoldCancelsTheOrder() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await shop.application().test(.router) { client in
            let order = try await client.checkout(try await client.cart([("teapot", 3)])).json
            let number = order["number"] as! String
            let other = try await client.checkout(try await client.cart([("mug", 1)])).json
            #expect(try await client.json(.get, "/api/v1/orders/\(number)?token=\(order["trackingToken"]!)").status == .ok)
            let wrongToken = try await client.json(.get, "/api/v1/orders/\(number)?token=\(other["trackingToken"]!)")
            let unknown = try await client.json(.get, "/api/v1/orders/M-0000-0000-0000?token=\(order["trackingToken"]!)")
            #expect(wrongToken.status == .notFound)
            #expect(unknown.status == .notFound)
            #expect(wrongToken.json["detail"] as? String == unknown.json["detail"] as? String)
            #expect(try shop.stock("teapot") == (3, 3))

            shop.clock.advance(by: 15 * 60 + 1)
            let released = try await shop.database.releaseExpiredHolds(actor: "system")
            #expect(Set(released) == [number, other["number"] as! String])
            #expect(try shop.stock("teapot") == (3, 0))
            let tracked = try await client.json(.get, "/api/v1/orders/\(number)?token=\(order["trackingToken"]!)").json
            #expect(tracked["status"] as? String == "cancelled")
            #expect((tracked["history"] as? [[String: Any]])?.last?["note"] as? String == "payment not received before the stock hold ended")
            let late = try await client.pay(order, with: "pm_card_visa")
            #expect(late.status == .conflict)
        }
    }

    @Test func aShopperCancelsAnUnshippedOrderAndTheStockReturns() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await shop.application().test(.router) { client in
            let order = try await client.checkout(try await client.cart([("teapot", 2)])).json
            #expect(try await client.pay(order, with: "pm_card_visa").status == .ok)
            #expect(try shop.stock("teapot") == (1, 0))
            let cancelled = try await client.json(
                .post, "/api/v1/orders/\(order["number"]!)/cancel", #"{"token":"\#(order["trackingToken"]!)"}"#)
            #expect(cancelled.json["status"] as? String == "cancelled")
            #expect((cancelled.json["payment"] as? [String: Any])?["status"] as? String == "refunded")
            #expect(try shop.stock("teapot") == (3, 0))
        }
    }

    @Test func operationsEndpointsCORSAndRateLimits() async throws {
        var shop = try CheckoutFixture()
        defer { shop.remove() }
        shop.configuration.allowedOrigin = "https://shop.example"
        shop.configuration.rateLimits = RateLimits(cart: .init(burst: 3, perMinute: 6))
        try await shop.application().test(.router) { client in
            #expect(try await client.execute(uri: "/health", method: .get) { $0.status } == .ok)
            #expect(try await client.json(.get, "/ready").json["status"] as? String == "ready")
            let preflight = try await client.execute(
                uri: "/api/v1/carts", method: .options,
                headers: [.origin: "https://shop.example", .accessControlRequestMethod: "POST"]
            ) { $0.headers }
            #expect(preflight[.accessControlAllowOrigin] == "https://shop.example")
            let foreign = try await client.execute(
                uri: "/api/v1/shipping-methods", method: .get, headers: [.origin: "https://evil.example"]
            ) { $0.headers }
            #expect(foreign[.accessControlAllowOrigin] == nil)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<5 { statuses.append(try await client.json(.post, "/api/v1/carts").status) }
            #expect(statuses.filter { $0 == .created }.count == 3)
            let limited = try await client.json(.post, "/api/v1/carts")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
            let metrics = try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
            #expect(metrics.contains("http_requests_total"))
            #expect(metrics.contains(#"status="429""#))
        }
    }
}
