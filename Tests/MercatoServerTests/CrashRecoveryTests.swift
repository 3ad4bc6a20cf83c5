import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MercatoCore
import MercatoDatabase
import Testing

@testable import MercatoServer

/// What a server finds when it starts again after being killed in the middle of a checkout.
@Suite struct CrashRecoveryTests {
    /// The gateway charged the card, then the server died before recording it. Once the hold ends, the sweep asks
    /// the gateway, finds the money and pays the order; an order nobody paid for is released as before.
    @Test func moneyTakenJustBeforeACrashPaysTheOrderInsteadOfItsHoldEnding() async throws {
        let shop = try CheckoutFixture(stock: ["mug": 5])
        defer { shop.remove() }
        let (charged, unpaid) = try await shop.application().test(.router) { client in
            let first = try await client.checkout(try await client.cart([("mug", 2)])).json
            let second = try await client.checkout(try await client.cart([("mug", 1)])).json
            return (first["number"] as! String, second["number"] as! String)
        }
        let payment = try #require(try await shop.database.orderDetails(number: charged).payment)
        // The charge goes through at the gateway; its answer is lost with the process.
        _ = try await shop.gateway.confirmPayment(
            id: payment.transactionId, paymentMethod: "pm_card_visa", idempotencyKey: "lost-with-the-process")
        shop.clock.advance(by: 16 * 60)
        let sweeper = HoldReleaseService(
            database: shop.database, desk: PaymentDesk(database: shop.database, gateway: shop.gateway),
            metrics: ServerMetrics(), interval: .seconds(30), logger: Logger(label: "test"))
        await sweeper.sweep()

        let paid = try await shop.database.orderDetails(number: charged)
        #expect(paid.status == .paid)
        #expect(paid.payment?.status == "succeeded")
        #expect(try await shop.database.orderDetails(number: unpaid).status == .cancelled)
        #expect(try shop.stock("mug").onHand == 3)
        #expect(try shop.stock("mug").reserved == 0)
        try ConcurrentCheckoutTests.expectStockAddsUp(shop, started: ["mug": 5])
    }

    /// A request the killed server was answering left its Idempotency-Key "in progress": after a restart, the
    /// shopper's retry with that key runs instead of being told to wait until the key expires.
    @Test func aRequestCutShortByACrashCanBeRetriedAfterARestart() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        _ = try await shop.database.beginIdempotentRequest(operation: "checkout", key: "k-1", requestHash: "dead")
        try await shop.application().test(.router) { client in
            let retried = try await client.checkout(try await client.cart([("mug", 1)]), key: "k-1")
            #expect(retried.status == .created)
        }
    }
}
