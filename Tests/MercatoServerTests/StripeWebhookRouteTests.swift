import Foundation
import Hummingbird
import HummingbirdTesting
import MercatoCore
import Testing

@testable import MercatoServer

/// Stripe's webhooks against the whole server: checkout opens a PaymentIntent at a local server that behaves
/// as Stripe does, and signed events settle the order.
@Suite struct StripeWebhookRouteTests {
    private static let secret = "whsec_route_test_secret"

    private static func signed(_ body: String, at time: Date, secret: String = secret) -> HTTPFields {
        StripeSignature.header(for: body, at: time, secret: secret)
    }

    private static func event(_ id: String, _ type: String, intent: String, amount: Int, order: String, status: String)
        -> String
    {
        let error =
            status == "requires_payment_method"
            ? #"{"type":"card_error","code":"card_declined","decline_code":"generic_decline","message":"Your card was declined."}"#
            : "null"
        return """
            {"id":"\(id)","object":"event","type":"\(type)","created":1790000000,"data":{"object":{"id":"\(intent)",
            "object":"payment_intent","amount":\(amount),"currency":"usd","status":"\(status)",
            "metadata":{"order_number":"\(order)"},"last_payment_error":\(error)}}}
            """
    }

    @Test func signedEventsSettleOnceAndForgedStaleDuplicateOrLateOnesChangeNothing() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await FakeStripeServer.run { stripe in
            let webhooks = StripeWebhookVerifier(signingSecret: Self.secret, clock: shop.clock)
            try await shop.application(gateway: stripe.gateway(), webhooks: webhooks).test(.router) { client in
                let order = try await client.checkout(try await client.cart([("mug", 2)])).json
                let number = order["number"] as! String
                let total = (order["totals"] as! [String: Any])["totalMinor"] as! Int
                let intent = try #require(try await shop.database.orderDetails(number: number).payment?.transactionId)
                #expect(intent.hasPrefix("pi_"))
                let succeeded = Self.event("evt_1", "payment_intent.succeeded", intent: intent, amount: total, order: number, status: "succeeded")
                let hook = "/api/v1/webhooks/stripe"
                func status() async throws -> OrderStatus { try await shop.database.orderDetails(number: number).status }

                let forged = try await client.json(.post, hook, succeeded, headers: Self.signed(succeeded, at: shop.clock.now(), secret: "whsec_guess"))
                #expect(forged.status == .badRequest)
                let stale = try await client.json(.post, hook, succeeded, headers: Self.signed(succeeded, at: shop.clock.now() - 301))
                #expect(stale.status == .badRequest)
                let unsigned = try await client.json(.post, hook, succeeded)
                #expect(unsigned.status == .badRequest)
                #expect(try await status() == .pendingPayment)

                let valid = try await client.json(.post, hook, succeeded, headers: Self.signed(succeeded, at: shop.clock.now()))
                #expect(valid.status == .ok)
                #expect(valid.json["duplicate"] as? Bool == false)
                #expect(try await status() == .paid)
                let duplicate = try await client.json(.post, hook, succeeded, headers: Self.signed(succeeded, at: shop.clock.now()))
                #expect(duplicate.json["duplicate"] as? Bool == true)
                // The same news under a new event id (Stripe may send both) is settled already.
                let again = succeeded.replacingOccurrences(of: "evt_1", with: "evt_2")
                #expect(try await client.json(.post, hook, again, headers: Self.signed(again, at: shop.clock.now())).status == .ok)
                // A failure reported after the success (out of order) does not undo it.
                let failed = Self.event("evt_0", "payment_intent.payment_failed", intent: intent, amount: total, order: number, status: "requires_payment_method")
                #expect(try await client.json(.post, hook, failed, headers: Self.signed(failed, at: shop.clock.now())).status == .ok)
                let details = try await shop.database.orderDetails(number: number)
                #expect(details.status == .paid)
                #expect(details.events.filter { $0.toStatus == "paid" }.count == 1)
                #expect(try shop.stock("mug") == (8, 0))
                // The shopper's page reporting the same payment afterwards finds it paid.
                let paid = try await client.pay(order, with: "pm_card_visa")
                #expect(paid.status == .ok)
                #expect(paid.json["status"] as? String == "paid")
                #expect(await stripe.stripe.intent(intent)?.status == "requires_payment_method")
            }
        }
    }

    @Test func anEventForAnotherAmountIsIgnored() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await FakeStripeServer.run { stripe in
            let webhooks = StripeWebhookVerifier(signingSecret: Self.secret, clock: shop.clock)
            try await shop.application(gateway: stripe.gateway(), webhooks: webhooks).test(.router) { client in
                let order = try await client.checkout(try await client.cart([("mug", 1)])).json
                let number = order["number"] as! String
                let intent = try #require(try await shop.database.orderDetails(number: number).payment?.transactionId)
                let cheap = Self.event("evt_9", "payment_intent.succeeded", intent: intent, amount: 1, order: number, status: "succeeded")
                #expect(try await client.json(.post, "/api/v1/webhooks/stripe", cheap, headers: Self.signed(cheap, at: shop.clock.now())).status == .ok)
                #expect(try await shop.database.orderDetails(number: number).status == .pendingPayment)
            }
        }
    }

    @Test func refundsMadeInStripesDashboardAreRecordedOnceWhoeverReportsThemFirst() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await FakeStripeServer.run { stripe in
            let gateway = stripe.gateway()
            let webhooks = StripeWebhookVerifier(signingSecret: Self.secret, clock: shop.clock)
            try await shop.application(gateway: gateway, webhooks: webhooks).test(.router) { client in
                let order = try await client.checkout(try await client.cart([("mug", 2)])).json
                let number = order["number"] as! String
                #expect(try await client.pay(order, with: "pm_card_visa").status == .ok)
                let intent = try #require(try await shop.database.orderDetails(number: number).payment?.transactionId)
                let total = try await shop.database.orderDetails(number: number).order.totalMinor
                func report(_ eventId: String) async throws -> (status: HTTPResponse.Status, json: [String: Any], headers: HTTPFields) {
                    let event = try #require(await stripe.stripe.chargeRefundedEvent(eventId, intent: intent))
                    return try await client.json(.post, "/api/v1/webhooks/stripe", event, headers: Self.signed(event, at: shop.clock.now()))
                }
                func refunded() async throws -> Int { try await shop.database.orderDetails(number: number).payment?.refundedMinor ?? -1 }

                #expect(await stripe.stripe.refundFromDashboard(intent: intent, amount: 500))
                #expect(try await report("evt_r1").status == .ok)
                #expect(try await refunded() == 500)
                #expect(try await shop.database.orderDetails(number: number).status == .paid)
                #expect(try await report("evt_r1").json["duplicate"] as? Bool == true)
                // Stripe may report the same refund again under a new event; it is counted once.
                #expect(try await report("evt_r2").status == .ok)
                #expect(try await refunded() == 500)

                // A refund Mercato made itself, reported back by Stripe, is not counted twice either.
                let desk = PaymentDesk(database: shop.database, gateway: gateway)
                _ = try await desk.refund(number: number, amountMinor: 300, actor: "cli:test")
                #expect(try await report("evt_r3").status == .ok)
                #expect(try await refunded() == 800)

                // The rest refunded in the dashboard: the order is refunded, once.
                #expect(await stripe.stripe.refundFromDashboard(intent: intent, amount: total - 800))
                #expect(try await report("evt_r4").status == .ok)
                #expect(try await report("evt_r5").status == .ok)
                let details = try await shop.database.orderDetails(number: number)
                #expect(details.status == .refunded)
                #expect(details.payment?.refundedMinor == total)
                #expect(details.payment?.status == "refunded")
                #expect(details.events.filter { $0.toStatus == "refunded" }.map(\.actor) == ["webhook:stripe"])
            }
        }
    }

    @Test func aRefundOfAPaymentThatIsNotTheShopsIsAcknowledgedAndIgnored() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        try await FakeStripeServer.run { stripe in
            let webhooks = StripeWebhookVerifier(signingSecret: Self.secret, clock: shop.clock)
            try await shop.application(gateway: stripe.gateway(), webhooks: webhooks).test(.router) { client in
                let event = #"{"id":"evt_x","object":"event","type":"charge.refunded","created":1790000000,"data":{"object":{"id":"ch_x","object":"charge","amount":100,"amount_refunded":100,"payment_intent":"pi_elsewhere","refunded":true}}}"#
                let answer = try await client.json(.post, "/api/v1/webhooks/stripe", event, headers: Self.signed(event, at: shop.clock.now()))
                #expect(answer.status == .ok)
                #expect(await stripe.stripe.requests.contains { $0.path == "/v1/refunds" } == false)
            }
        }
    }

    @Test func theBrowserGetsStripesKeyAndLearnsTheOutcomeOfA3DSecureCheckFromTheOrder() async throws {
        let shop = try CheckoutFixture()
        defer { shop.remove() }
        let contract = try OpenAPIContract()
        try await FakeStripeServer.run { stripe in
            try await shop.application(gateway: stripe.gateway()).test(.router) { client in
                let api = ContractClient(client, contract: contract)
                let cart = try await client.cart([("mug", 1)])
                let order = try await client.checkout(cart).json
                let number = order["number"] as! String
                let payment = try #require(order["payment"] as? [String: Any])
                #expect(payment["publishableKey"] as? String == "pk_test_fake")
                #expect((payment["clientSecret"] as? String)?.contains("_secret_") == true)
                let intent = try #require(try await shop.database.orderDetails(number: number).payment?.transactionId)
                // The bank asks for 3-D Secure: the server cannot finish, the browser must.
                let paying = try await client.pay(order, with: "pm_card_authenticationRequired")
                #expect(paying.status == .accepted)
                let track = "/api/v1/orders/\(number)?token=\(order["trackingToken"]!)"
                #expect(try await api.send(.get, track).json["status"] as? String == "pending_payment")
                // The shopper passes the check in Stripe.js; the next look at the order asks Stripe and settles.
                await stripe.stripe.completeAction(intent)
                let paid = try await api.send(.get, track).json
                #expect(paid["status"] as? String == "paid")
                #expect((paid["payment"] as? [String: Any])?["publishableKey"] == nil)
                #expect(try shop.stock("mug") == (9, 0))
            }
        }
    }
}
