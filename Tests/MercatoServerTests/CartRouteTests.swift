import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import MercatoServer

@Suite struct CartRouteTests {
    @Test func aCartIsPricedByTheServerWhateverTheClientSays() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await shop.application().test(.router) { client in
            let token = try await client.json(.post, "/api/v1/carts").json["token"] as! String
            let added = try await client.json(
                .post, "/api/v1/carts/\(token)/lines",
                #"{"slug":"mug","quantity":2,"seenPriceMinor":1250,"unitPriceMinor":1,"lineTotalMinor":2}"#)
            #expect(added.status == .ok)
            let line = (added.json["lines"] as! [[String: Any]])[0]
            #expect(line["unitPriceMinor"] as? Int == 1250)
            #expect(line["lineTotalMinor"] as? Int == 2500)
            #expect(added.json["subtotalMinor"] as? Int == 2500)
            let again = try await client.json(.post, "/api/v1/carts/\(token)/lines", #"{"slug":"mug","quantity":3}"#)
            #expect((again.json["lines"] as! [[String: Any]])[0]["quantity"] as? Int == 5)
            let set = try await client.json(.put, "/api/v1/carts/\(token)/lines/mug", #"{"quantity":1}"#)
            #expect(set.json["itemCount"] as? Int == 1)
            let removed = try await client.json(.delete, "/api/v1/carts/\(token)/lines/mug")
            #expect((removed.json["lines"] as! [Any]).isEmpty)
        }
    }

    @Test func aNegativePriceSeenIsKeptAsZeroWhicheverRouteAddsTheLine() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        let database = shop.database
        try await shop.application().test(.router) { client in
            let started = try await client.json(
                .post, "/api/v1/carts", #"{"slug":"mug","quantity":1,"seenPriceMinor":-5}"#)
            let token = try #require(started.json["token"] as? String)
            let added = try await client.json(
                .post, "/api/v1/carts/\(token)/lines", #"{"slug":"teapot","quantity":1,"seenPriceMinor":-7}"#)
            #expect(started.status == .created && added.status == .ok)
            let seen = try await database.writer.read { db in
                try Int.fetchAll(db, sql: "SELECT seenPriceMinor FROM cartLine WHERE cartToken = ?", arguments: [token])
            }
            #expect(seen == [0, 0])
        }
    }

    @Test func aCartStartsWithItsFirstLineOrIsNotMadeAtAll() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        let database = shop.database
        @Sendable func carts() async throws -> Int {
            try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cart") ?? 0 }
        }
        try await shop.application().test(.router) { client in
            let started = try await client.json(
                .post, "/api/v1/carts", #"{"slug":"teapot","quantity":2,"seenPriceMinor":4000}"#)
            #expect(started.status == .created)
            let line = try #require((started.json["lines"] as? [[String: Any]])?.first)
            #expect(line["slug"] as? String == "teapot" && line["quantity"] as? Int == 2)
            #expect(line["unitPriceMinor"] as? Int == 4500 && line["priceChanged"] as? Bool == true)
            let token = try #require(started.json["token"] as? String)
            let again = try await client.json(.get, "/api/v1/carts/\(token)")
            #expect((again.json["lines"] as? [[String: Any]])?.first?["quantity"] as? Int == 2)
            #expect(try await carts() == 1)

            let refusals: [(String, HTTPResponse.Status, String)] = [
                (#"{"slug":"nope","quantity":1}"#, .notFound, "/problems/unknown-product"),
                (#"{"slug":"teapot","quantity":4}"#, .conflict, "/problems/out-of-stock"),
                (#"{"slug":"kettle","quantity":1}"#, .conflict, "/problems/out-of-stock"),
                (#"{"slug":"mug","quantity":0}"#, .unprocessableContent, "/problems/quantity-out-of-range"),
                (#"{"slug":"mug"}"#, .unprocessableContent, "/problems/invalid-field"),
                (#"{"slug":"mug","#, .badRequest, "/problems/malformed-request"),
            ]
            for (body, status, type) in refusals {
                let answer = try await client.json(.post, "/api/v1/carts", body)
                #expect(answer.status == status, "\(body)")
                #expect(answer.json["type"] as? String == type, "\(body)")
            }
            let plain = try await client.execute(
                uri: "/api/v1/carts", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: "teapot")
            ) { $0.status }
            #expect(plain == .unsupportedMediaType)
            #expect(try await carts() == 1, "a refused first line makes no cart")
            let empty = try await client.json(.post, "/api/v1/carts")
            #expect(empty.status == .created && (empty.json["lines"] as? [Any])?.isEmpty == true)
            let emptyForm = try await client.execute(
                uri: "/api/v1/carts", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer()
            ) { $0.status }
            #expect(emptyForm == .created, "an empty body starts an empty cart, whatever its Content-Type")
        }
    }

    @Test func availabilityAnswersActiveProductsInTheOrderAsked() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await shop.database.writer.write { db in
            try db.execute(sql: "UPDATE product SET status = 'archived' WHERE slug = 'kettle'")
        }
        try await shop.application().test(.router) { client in
            let answer = try await client.json(
                .get, "/api/v1/products/availability?slugs=teapot,nothing,mug,kettle,teapot")
            let products = try #require(answer.json["products"] as? [[String: Any]])
            #expect(products.map { $0["slug"] as? String } == ["teapot", "mug", "teapot"])
            #expect(products.map { $0["available"] as? Int } == [3, 10, 3])
            #expect(products.map { $0["priceMinor"] as? Int } == [4500, 1250, 4500])
        }
    }

    @Test func badCartRequestsGetProblemsThatSayWhatIsWrong() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await shop.application().test(.router) { client in
            let token = try await client.json(.post, "/api/v1/carts").json["token"] as! String
            let lines = "/api/v1/carts/\(token)/lines"
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"slug":"nope","quantity":1}"#, .notFound, "/problems/unknown-product"),
                (#"{"slug":"mug","quantity":0}"#, .unprocessableContent, "/problems/quantity-out-of-range"),
                (#"{"slug":"mug","quantity":-4}"#, .unprocessableContent, "/problems/quantity-out-of-range"),
                (#"{"slug":"mug","quantity":100000}"#, .unprocessableContent, "/problems/quantity-out-of-range"),
                (#"{"slug":"mug","quantity":"two"}"#, .unprocessableContent, "/problems/invalid-field"),
                (#"{"slug":"mug"}"#, .unprocessableContent, "/problems/invalid-field"),
                (#"{"slug":"mug","quantity":1"#, .badRequest, "/problems/malformed-request"),
                (#"{"slug":"teapot","quantity":5}"#, .conflict, "/problems/out-of-stock"),
                (String(repeating: "[", count: 10_000), .badRequest, "/problems/malformed-request"),
            ]
            for (body, status, type) in cases {
                let answer = try await client.json(.post, lines, body)
                #expect(answer.status == status, "\(body.prefix(40))")
                #expect(answer.json["type"] as? String == type, "\(body.prefix(40))")
                #expect(answer.headers[.contentType] == "application/problem+json")
                #expect((answer.json["detail"] as? String)?.isEmpty == false)
            }
            let short = try await client.json(.post, lines, #"{"slug":"teapot","quantity":5}"#)
            #expect(short.json["detail"] as? String == "Only 3 of 'Teapot' left; you asked for 5.")
            let tooBig = try await client.json(.post, lines, #"{"slug":"\#(String(repeating: "x", count: 70_000))","quantity":1}"#)
            #expect(tooBig.status == .contentTooLarge)
            let notJSON = try await client.execute(
                uri: lines, method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "slug=mug")
            ) { $0.status }
            #expect(notJSON == .unsupportedMediaType)
            let invalidUTF8 = try await client.execute(
                uri: lines, method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(bytes: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D])
            ) { $0.status }
            #expect(invalidUTF8 == .badRequest)
            #expect(try await client.json(.get, "/api/v1/carts/no-such-cart").status == .notFound)
            #expect(try await client.json(.get, "/api/v1/nothing/here").json["type"] as? String == "/problems/http-404")
        }
    }

    @Test func aPriceChangedSinceThePageWasBuiltIsFlaggedAndMustBeAcceptedBeforeCheckout() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await shop.application().test(.router) { client in
            let token = try await client.json(.post, "/api/v1/carts").json["token"] as! String
            // The static page still said 11.00; the database says 12.50.
            try await client.json(.post, "/api/v1/carts/\(token)/lines", #"{"slug":"mug","quantity":1,"seenPriceMinor":1100}"#)
            let cart = try await client.json(.get, "/api/v1/carts/\(token)")
            #expect(cart.json["hasPriceChanges"] as? Bool == true)
            #expect((cart.json["lines"] as! [[String: Any]])[0]["priceChanged"] as? Bool == true)
            let refused = try await client.checkout(token)
            #expect(refused.status == .conflict)
            #expect(refused.json["type"] as? String == "/problems/price-changed")
            let accepted = try await client.json(.post, "/api/v1/carts/\(token)/accept-prices")
            #expect(accepted.json["hasPriceChanges"] as? Bool == false)
            #expect(try await client.checkout(token).status == .created)
        }
    }

    @Test func anExpiredCartIsGone() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await shop.application().test(.router) { client in
            let token = try await client.cart([("mug", 1)])
            shop.clock.advance(by: 31 * 24 * 3600)
            let answer = try await client.json(.get, "/api/v1/carts/\(token)")
            #expect(answer.status == .gone)
            #expect(answer.json["type"] as? String == "/problems/cart-expired")
        }
    }
}
