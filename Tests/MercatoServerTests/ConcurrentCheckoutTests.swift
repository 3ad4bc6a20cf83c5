import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import MercatoCore
import GRDB
import MercatoDatabase
import NIOCore
import Testing

@testable import MercatoServer

@Suite struct ConcurrentCheckoutTests {
    /// 40 shoppers, each on their own connection, race for 7 lamps on a live port: exactly 7 orders are
    /// placed and paid, everyone else is told it is out of stock, and stock adds up.
    @Test func manyShoppersRacingForLittleStockBuyExactlyTheStock() async throws {
        let shop = try CheckoutFixture(stock: ["lamp": 7])
        defer { shop.remove() }
        try await Self.onLivePort(shop) { http, base in
            let outcomes = try await withThrowingTaskGroup(of: Int.self) { group in
                for shopper in 0..<40 {
                    group.addTask { try await Self.buyOneLamp(http, base: base, shopper: shopper) }
                }
                return try await group.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 }
            }
            #expect(outcomes[200] == 7, "\(outcomes)")
            #expect(outcomes[409] == 33, "\(outcomes)")
            #expect(outcomes.keys.allSatisfy { $0 == 200 || $0 == 409 }, "\(outcomes)")
        }
        let stock = try shop.stock("lamp")
        #expect(stock.onHand == 0)
        #expect(stock.reserved == 0)
        let sold = try await shop.database.writer.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT SUM(quantity) FROM orderItem JOIN \"order\" o ON o.id = orderId WHERE o.status = 'paid'")
        }
        #expect(sold == 7)
    }

    /// One checkout sent 30 times at once with the same Idempotency-Key (a storefront retrying a slow answer):
    /// one order is placed and its stock held once; each copy gets that order or "in progress" (409), never
    /// another order; afterwards the key replays the order, and refuses another body.
    @Test func aCheckoutSentManyTimesAtOnceWithOneKeyPlacesOneOrder() async throws {
        let shop = try CheckoutFixture(stock: ["lamp": 7])
        defer { shop.remove() }
        try await Self.onLivePort(shop) { http, base in
            let token = try await Self.post(http, "\(base)/carts").json["token"] as! String
            _ = try await Self.post(http, "\(base)/carts/\(token)/lines", #"{"slug":"lamp","quantity":2}"#)
            let body =
                #"{"cartToken":"\#(token)","email":"ann@example.com","shippingMethod":"standard","shippingAddress":\#(CheckoutFixture.address)}"#
            // Each answer: its status, and the order number or the problem's type.
            let answers = try await withThrowingTaskGroup(of: (status: Int, said: String?).self) { group in
                for _ in 0..<30 {
                    group.addTask {
                        let answer = try await Self.post(http, "\(base)/checkout", body, key: "once")
                        return (answer.status, (answer.json["number"] ?? answer.json["type"]) as? String)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let placed = answers.filter { $0.status == 201 }
            #expect(!placed.isEmpty)
            #expect(Set(placed.map(\.said)).count == 1)
            #expect(answers.allSatisfy { $0.status == 201 || $0.said == "/problems/request-in-progress" }, "\(answers)")
            let retry = try await Self.post(http, "\(base)/checkout", body, key: "once")
            #expect(retry.status == 201)
            #expect(retry.json["number"] as? String == placed.first?.said)
            let other = try await Self.post(
                http, "\(base)/checkout", body.replacingOccurrences(of: "ann@", with: "bob@"), key: "once")
            #expect(other.status == 422)
            #expect(other.json["type"] as? String == "/problems/idempotency-key-reused")
        }
        #expect(try shop.stock("lamp") == (7, 2))
        let orders = try await shop.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"order\"")
        }
        #expect(orders == 1)
    }

    /// Serves `shop` on a live port and runs `body` with an HTTP client and the API's base URL.
    private static func onLivePort(
        _ shop: CheckoutFixture, _ body: @escaping @Sendable (HTTPClient, String) async throws -> Void
    ) async throws {
        try await shop.application().test(.live) { client in
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            defer { _ = http.shutdown() }
            try await body(http, "http://127.0.0.1:\(client.port!)/api/v1")
        }
    }

    /// Returns the final status: 200 paid, or the status of the refusal.
    private static func buyOneLamp(_ http: HTTPClient, base: String, shopper: Int) async throws -> Int {
        let cart = try await post(http, "\(base)/carts")
        let token = cart.json["token"] as! String
        let added = try await post(http, "\(base)/carts/\(token)/lines", #"{"slug":"lamp","quantity":1}"#)
        guard added.status == 200 else { return added.status }
        let order = try await post(
            http, "\(base)/checkout",
            #"{"cartToken":"\#(token)","email":"s\#(shopper)@example.com","shippingMethod":"standard","shippingAddress":\#(CheckoutFixture.address)}"#)
        guard order.status == 201 else {
            let line = (order.json["lines"] as? [[String: Any]])?.first
            #expect(order.json["type"] as? String == "/problems/out-of-stock")
            #expect(line?["available"] as? Int == 0)
            return order.status
        }
        let paid = try await post(
            http, "\(base)/orders/\(order.json["number"]!)/payments",
            #"{"token":"\#(order.json["trackingToken"]!)","paymentMethod":"pm_card_visa"}"#)
        #expect(paid.json["status"] as? String == "paid")
        return paid.status
    }

    private static func post(_ http: HTTPClient, _ url: String, _ body: String? = nil, key: String? = nil)
        async throws -> (status: Int, json: [String: Any])
    {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        if let key { request.headers.add(name: "Idempotency-Key", value: key) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await http.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(buffer: bytes))) as? [String: Any] ?? [:]
        return (Int(response.status.code), json)
    }

    /// Straight at the database from many threads: random baskets of two products check out, some pay,
    /// some are cancelled, some holds expire. Stock never goes negative and always adds up.
    @Test func stockAddsUpWhateverTheInterleaving() async throws {
        let shop = try CheckoutFixture(stock: ["mug": 15, "teapot": 9])
        defer { shop.remove() }
        let database = shop.database
        let placed = try await withThrowingTaskGroup(of: String?.self) { group in
            for shopper in 0..<60 {
                group.addTask {
                    let token = "cart-\(shopper)"
                    _ = try await database.createCart(token: token, currency: .usd, rules: CartRules())
                    do {
                        _ = try await database.addToCart(token: token, line: CartLineRequest(slug: "mug", quantity: 1 + shopper % 3), rules: CartRules())
                        _ = try await database.addToCart(token: token, line: CartLineRequest(slug: "teapot", quantity: 1 + shopper % 2), rules: CartRules())
                        let details = try await database.placeOrder(
                            OrderPlacement(
                                cartToken: token, email: "s@example.com",
                                address: ShippingAddress(name: "S", line1: "1 St", city: "C", postalCode: "1", country: "US"),
                                shippingMethod: PricingPolicy.standard.shippingMethods[0], discountCode: nil,
                                orderNumber: "M-TEST-\(String(format: "%04d", shopper))-0000", holdDuration: 900, actor: "test"),
                            policy: .standard)
                        switch shopper % 3 {
                        case 0: try await database.transitionOrder(number: details.number, to: .paid, actor: "test")
                        case 1: try await database.transitionOrder(number: details.number, to: .cancelled, actor: "test")
                        default: break
                        }
                        return details.number
                    } catch is CheckoutError {
                        return nil
                    }
                }
            }
            return try await group.reduce(into: [String]()) { if let number = $1 { $0.append(number) } }
        }
        #expect(!placed.isEmpty)
        try Self.expectStockAddsUp(shop, started: ["mug": 15, "teapot": 9])
        shop.clock.advance(by: 901)
        _ = try await database.releaseExpiredHolds(actor: "system")
        try Self.expectStockAddsUp(shop, started: ["mug": 15, "teapot": 9])
        #expect(try shop.stock("mug").reserved == 0)
    }

    /// On hand + sold = started, where refunded goods count as sold once they had shipped (they are with the
    /// shopper, not on the shelf); reserved = what orders awaiting payment hold; nothing negative.
    static func expectStockAddsUp(_ shop: CheckoutFixture, started: [String: Int]) throws {
        for (slug, start) in started {
            let (sold, held) = try shop.database.writer.read { db in
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COALESCE(SUM(CASE WHEN o.status IN ('paid','shipped','delivered')
                            OR (o.status = 'refunded' AND EXISTS (SELECT 1 FROM orderEvent e WHERE e.orderId = o.id
                                AND e.toStatus = 'refunded' AND e.fromStatus IN ('shipped', 'delivered')))
                            THEN i.quantity END), 0) AS sold,
                               COALESCE(SUM(CASE WHEN o.status = 'pending_payment' THEN i.quantity END), 0) AS held
                        FROM orderItem i JOIN "order" o ON o.id = i.orderId WHERE i.productSlug = ?
                        """, arguments: [slug])!
                return (row["sold"] as Int, row["held"] as Int)
            }
            let stock = try shop.stock(slug)
            #expect(stock.onHand >= 0 && stock.reserved >= 0 && stock.reserved <= stock.onHand)
            #expect(stock.onHand + sold == start, "\(slug)")
            #expect(stock.reserved == held, "\(slug)")
        }
    }
}
