import Foundation
import MercatoCore
import MercatoDatabase
import Testing

@testable import MercatoServer

@Suite struct OrderStateMachineTests {
    /// An order placed through the database, then walked to `status` along allowed transitions.
    private func order(in shop: CheckoutFixture, at status: OrderStatus, number: String) async throws -> String {
        let token = "cart-\(number)"
        _ = try await shop.database.createCart(token: token, currency: .usd, rules: CartRules())
        _ = try await shop.database.addToCart(token: token, line: CartLineRequest(slug: "mug", quantity: 2), rules: CartRules())
        let details = try await shop.database.placeOrder(
            OrderPlacement(
                cartToken: token, email: "a@example.com",
                address: ShippingAddress(name: "A", line1: "1 St", city: "C", postalCode: "1", country: "US"),
                shippingMethod: PricingPolicy.standard.shippingMethods[0], discountCode: nil, orderNumber: number,
                holdDuration: 900, actor: "test"),
            policy: .standard)
        let desk = PaymentDesk(database: shop.database, gateway: shop.gateway)
        let path: [OrderStatus] =
            switch status {
            case .pendingPayment: []
            case .paid: [.paid]
            case .shipped: [.paid, .shipped]
            case .delivered: [.paid, .shipped, .delivered]
            case .cancelled: [.cancelled]
            case .refunded: [.paid, .refunded]
            }
        for step in path {
            switch step {
            case .paid:
                _ = try await desk.pay(number: details.number, paymentMethod: "pm_card_visa", attemptKey: "a", actor: "test")
            case .refunded: _ = try await desk.refund(number: details.number, amountMinor: nil, actor: "test")
            case .cancelled: _ = try await desk.cancel(number: details.number, actor: "test", note: "test")
            default:
                try await shop.database.transitionOrder(number: details.number, to: step, actor: "test", trackingNumber: "1Z999")
            }
        }
        #expect(try await shop.database.orderDetails(number: details.number).status == status)
        return details.number
    }

    /// Two orders drawn the same number (the same second and the same 40 random bits): the second placement
    /// writes nothing, holds no stock, and goes through with another number.
    @Test func aTakenOrderNumberIsRefusedWithoutWritingAnything() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        _ = try await order(in: shop, at: .pendingPayment, number: "M-0R3K-9XH2-PD4A")
        let held = try shop.stock("mug").reserved
        _ = try await shop.database.createCart(token: "second", currency: .usd, rules: CartRules())
        _ = try await shop.database.addToCart(
            token: "second", line: CartLineRequest(slug: "mug", quantity: 1), rules: CartRules())
        var placement = OrderPlacement(
            cartToken: "second", email: "b@example.com",
            address: ShippingAddress(name: "B", line1: "2 St", city: "C", postalCode: "1", country: "US"),
            shippingMethod: PricingPolicy.standard.shippingMethods[0], discountCode: nil,
            orderNumber: "M-0R3K-9XH2-PD4A", holdDuration: 900, actor: "test")
        await #expect(throws: OrderNumberTaken.self) {
            try await shop.database.placeOrder(placement, policy: .standard)
        }
        #expect(try shop.stock("mug").reserved == held)
        #expect(try await shop.database.cart(token: "second").status == "open")
        placement.orderNumber = "M-0R3K-9XH2-PD4B"
        let placed = try await shop.database.placeOrder(placement, policy: .standard)
        #expect(placed.number == "M-0R3K-9XH2-PD4B")
        #expect(try shop.stock("mug").reserved == held + 1)
    }

    @Test(arguments: OrderStatus.allCases)
    func everyTransitionIsAllowedOrRefusedAsTheStateMachineSays(from: OrderStatus) async throws {
        for to in OrderStatus.allCases {
            let shop = try CheckoutFixture()
            defer { shop.remove() }
            let number = try await order(in: shop, at: from, number: "M-0000-0000-0001")
            let events = try await shop.database.orderDetails(number: number).events.count
            do {
                try await shop.database.transitionOrder(number: number, to: to, actor: "cli:test", trackingNumber: "1Z999")
                #expect(from.canMove(to: to), "\(from) → \(to) should be refused")
                let details = try await shop.database.orderDetails(number: number)
                #expect(details.status == to)
                #expect(details.events.last?.actor == "cli:test")
                #expect(details.events.last?.fromStatus == from.rawValue)
                #expect(details.events.count == events + 1)
            } catch let error as OrderError {
                #expect(!from.canMove(to: to), "\(from) → \(to) should be allowed")
                #expect(error == .transitionRefused(number: number, from: from, to: to))
                let details = try await shop.database.orderDetails(number: number)
                #expect(details.status == from)
                #expect(details.events.count == events)
            }
            try ConcurrentCheckoutTests.expectStockAddsUp(shop, started: ["mug": 10])
        }
    }

    @Test func shippingNeedsATrackingNumberAndAShippedOrderCannotBeCancelled() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        let number = try await order(in: shop, at: .paid, number: "M-AAAA-BBBB-CCCC")
        await #expect(throws: OrderError.trackingNumberRequired(number: number)) {
            try await shop.database.transitionOrder(number: number, to: .shipped, actor: "test")
        }
        try await shop.database.transitionOrder(number: number, to: .shipped, actor: "test", trackingNumber: "1Z42")
        let desk = PaymentDesk(database: shop.database, gateway: shop.gateway)
        await #expect(throws: OrderError.transitionRefused(number: number, from: .shipped, to: .cancelled)) {
            try await desk.cancel(number: number, actor: "shopper", note: "")
        }
        #expect(try await shop.database.orderDetails(number: number).order.trackingNumber == "1Z42")
    }

    @Test func cancellingAPaidOrderRefundsItAndReturnsTheStock() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        let number = try await order(in: shop, at: .paid, number: "M-AAAA-BBBB-DDDD")
        #expect(try shop.stock("mug") == (8, 0))
        let desk = PaymentDesk(database: shop.database, gateway: shop.gateway)
        let details = try await desk.cancel(number: number, actor: "shopper", note: "changed my mind")
        #expect(details.status == .cancelled)
        #expect(details.payment?.status == "refunded")
        #expect(details.payment?.refundedMinor == details.order.totalMinor)
        #expect(try shop.stock("mug") == (10, 0))
    }

    @Test func aPartialRefundKeepsTheOrderAndAFullOneRefundsIt() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        let number = try await order(in: shop, at: .delivered, number: "M-AAAA-BBBB-EEEE")
        let desk = PaymentDesk(database: shop.database, gateway: shop.gateway)
        let partial = try await desk.refund(number: number, amountMinor: 500, actor: "cli:test")
        #expect(partial.status == .delivered)
        #expect(partial.payment?.refundedMinor == 500)
        await #expect(throws: OrderError.self) { try await desk.refund(number: number, amountMinor: 1_000_000, actor: "t") }
        let full = try await desk.refund(number: number, amountMinor: nil, actor: "cli:test")
        #expect(full.status == .refunded)
        #expect(full.payment?.refundedMinor == full.order.totalMinor)
        // Delivered goods are not back on the shelf until returned: stock is unchanged.
        #expect(try shop.stock("mug") == (8, 0))
    }
}
