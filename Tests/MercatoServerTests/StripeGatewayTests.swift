import Foundation
import MercatoCore
import Testing

@testable import MercatoServer

@Suite struct StripeGatewayTests {
    private func order(_ number: String = "MC-1001", amount: Int = 2_500, key: String = UUID().uuidString)
        -> PaymentRequest
    {
        PaymentRequest(
            orderNumber: number, amountMinor: amount, currency: .usd, email: "ada+shop@example.com", idempotencyKey: key
        )
    }

    private func gatewayError<T>(_ call: () async throws -> T) async -> PaymentGatewayError? {
        do {
            _ = try await call()
            return nil
        } catch let error as PaymentGatewayError {
            return error
        } catch {
            Issue.record("expected a PaymentGatewayError, got \(error)")
            return nil
        }
    }

    @Test func opensAPaymentForTheOrderAndChargesItWithACardToken() async throws {
        try await FakeStripeServer.run { fake in
            let gateway = fake.gateway()
            let opened = try await gateway.createPayment(order())
            #expect(opened.status == .requiresPaymentMethod(declined: nil))
            #expect(opened.amountMinor == 2_500 && opened.currency == "usd" && opened.orderNumber == "MC-1001")
            #expect(opened.clientSecret?.hasPrefix("\(opened.id)_secret_") == true)

            let stored = try #require(await fake.stripe.intent(opened.id))
            #expect(stored.receiptEmail == "ada+shop@example.com")
            #expect(stored.paymentMethodTypes == ["card"])

            let paid = try await gateway.confirmPayment(
                id: opened.id, paymentMethod: "pm_card_visa", idempotencyKey: "c1")
            #expect(paid.status == .succeeded)
            #expect(try await gateway.retrievePayment(id: opened.id).status == .succeeded)
        }
    }

    @Test func everyRequestCarriesTheKeyAndPinnedVersionAndEveryPostAnIdempotencyKey() async throws {
        try await FakeStripeServer.run { fake in
            let gateway = fake.gateway()
            let payment = try await gateway.createPayment(order(key: "order-MC-1001"))
            _ = try await gateway.retrievePayment(id: payment.id)
            let requests = await fake.stripe.requests
            #expect(requests.count == 2)
            for request in requests {
                #expect(request.headers["authorization"] == "Bearer \(FakeStripe.secretKey)")
                #expect(request.headers["stripe-version"] == StripeGateway.apiVersion)
            }
            #expect(requests[0].headers["idempotency-key"] == "order-MC-1001")
            #expect(requests[0].headers["content-type"] == "application/x-www-form-urlencoded")
            #expect(requests[0].fields["metadata[order_number]"] == "MC-1001")
            #expect(requests[1].headers["idempotency-key"] == nil)
        }
    }

    @Test(arguments: [
        ("pm_card_chargeDeclined", "generic_decline", "Your card was declined."),
        ("pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds", "Your card has insufficient funds."),
    ])
    func aDeclinedCardLeavesThePaymentOpenForAnotherCard(method: String, code: String, message: String) async throws {
        try await FakeStripeServer.run { fake in
            let gateway = fake.gateway()
            let opened = try await gateway.createPayment(order())
            let declined = try await gateway.confirmPayment(id: opened.id, paymentMethod: method, idempotencyKey: "c1")
            #expect(declined.id == opened.id)
            #expect(declined.status == .requiresPaymentMethod(declined: PaymentDecline(code: code, message: message)))
            #expect(try await gateway.retrievePayment(id: opened.id).status == declined.status)

            let paid = try await gateway.confirmPayment(
                id: opened.id, paymentMethod: "pm_card_visa", idempotencyKey: "c2")
            #expect(paid.status == .succeeded)
        }
    }

    @Test func aDeclineWithoutTheEmbeddedPaymentIsReadBackFromStripe() async throws {
        try await FakeStripeServer.run { fake in
            await fake.stripe.omitIntentFromDeclines()
            let gateway = fake.gateway()
            let opened = try await gateway.createPayment(order())
            let declined = try await gateway.confirmPayment(
                id: opened.id, paymentMethod: "pm_card_chargeDeclined", idempotencyKey: "c1")
            #expect(declined.id == opened.id && declined.orderNumber == "MC-1001")
            #expect(
                declined.status
                    == .requiresPaymentMethod(
                        declined: PaymentDecline(code: "generic_decline", message: "Your card was declined.")))
            #expect(await fake.stripe.requests.map(\.method) == ["POST", "POST", "GET"])
        }
    }

    @Test func aCardThatNeedsAuthenticationIsProcessingUntilTheBrowserFinishes() async throws {
        try await FakeStripeServer.run { fake in
            let gateway = fake.gateway()
            let opened = try await gateway.createPayment(order())
            let payment = try await gateway.confirmPayment(
                id: opened.id, paymentMethod: "pm_card_authenticationRequired", idempotencyKey: "c1")
            #expect(payment.status == .processing)
        }
    }

    @Test func aRetriedCreateWithTheSameKeyReturnsTheSamePaymentIntent() async throws {
        try await FakeStripeServer.run { fake in
            let gateway = fake.gateway()
            let first = try await gateway.createPayment(order(key: "order-MC-1001"))
            let retried = try await gateway.createPayment(order(key: "order-MC-1001"))
            #expect(retried == first)
            #expect(await fake.stripe.intentsCreated == 1)
            #expect(await fake.stripe.replays == 1)
        }
    }

    @Test func reusingAKeyForDifferentParametersIsNotRetryable() async throws {
        try await FakeStripeServer.run { fake in
            let gateway = fake.gateway()
            _ = try await gateway.createPayment(order(amount: 2_500, key: "k"))
            let error = try #require(
                await gatewayError { try await gateway.createPayment(order(amount: 9_900, key: "k")) })
            #expect(!error.retryable)
            #expect(error.detail.contains("idempotency_error"))
            #expect(await fake.stripe.intentsCreated == 1)
        }
    }

    @Test func serverErrorsAndRateLimitsAreRetryableAndARetryCreatesOnce() async throws {
        try await FakeStripeServer.run { fake in
            let gateway = fake.gateway()
            for fault in [FakeStripe.Fault.serverError, .rateLimited] {
                await fake.stripe.failNext(fault)
                let error = try #require(await gatewayError { try await gateway.createPayment(order(key: "k")) })
                #expect(error.retryable, "\(error)")
            }
            let payment = try await gateway.createPayment(order(key: "k"))
            #expect(payment.status == .requiresPaymentMethod(declined: nil))
            #expect(await fake.stripe.intentsCreated == 1)
        }
    }

    @Test func aTimeoutIsRetryableAndTheRetryGetsThePaymentStripeAlreadyMade() async throws {
        try await FakeStripeServer.run { fake in
            await fake.stripe.failNext(.slow(.seconds(1)))
            let impatient = fake.gateway(timeout: .milliseconds(200))
            let error = try #require(await gatewayError { try await impatient.createPayment(order(key: "k")) })
            #expect(error.retryable)
            try await Task.sleep(for: .seconds(1))
            _ = try await fake.gateway().createPayment(order(key: "k"))
            #expect(await fake.stripe.intentsCreated == 1)
        }
    }

    @Test func anUnreachableStripeIsRetryable() async throws {
        // The HTTP client keeps retrying a refused connection until the request's deadline, hence the short one.
        let gateway = StripeGateway(
            client: .shared, secretKey: FakeStripe.secretKey, baseURL: "http://127.0.0.1:1", timeout: .milliseconds(500)
        )
        let error = try #require(await gatewayError { try await gateway.retrievePayment(id: "pi_1") })
        #expect(error.retryable)
        #expect(error.detail.contains("could not reach Stripe"))
        #expect(!error.description.contains(FakeStripe.secretKey))
    }

    @Test func invalidRequestsAndUnknownPaymentsAreNotRetryable() async throws {
        try await FakeStripeServer.run { fake in
            let gateway = fake.gateway()
            let invalid = try #require(await gatewayError { try await gateway.createPayment(order(amount: 0)) })
            #expect(!invalid.retryable)
            #expect(invalid.detail.contains("greater than or equal to 1"))
            let missing = try #require(await gatewayError { try await gateway.retrievePayment(id: "pi_nope") })
            #expect(!missing.retryable)
            #expect(missing.detail.contains("No such payment_intent: 'pi_nope'"))
        }
    }

    @Test func neitherTheSecretKeyNorAClientSecretAppearsInAnError() async throws {
        try await FakeStripeServer.run { fake in
            let wrongKey = "sk_test_51SomeoneElsesKey0000000000000000000"
            let rejected = try #require(
                await gatewayError { try await fake.gateway(secretKey: wrongKey).retrievePayment(id: "pi_1") })
            #expect(!rejected.retryable)
            #expect(rejected.detail.contains("Invalid API Key"))
            #expect(!rejected.description.contains(wrongKey))

            let gateway = fake.gateway()
            let payment = try await gateway.createPayment(order())
            await fake.stripe.failNext(.echoingCredentials)
            let echoed = try #require(await gatewayError { try await gateway.retrievePayment(id: payment.id) })
            let clientSecret = try #require(payment.clientSecret)
            #expect(!echoed.description.contains(FakeStripe.secretKey))
            #expect(!echoed.description.contains(clientSecret))
            #expect(!String(reflecting: echoed).contains(FakeStripe.secretKey))
        }
    }

    @Test func refundsPartOfAPaymentAndRefusesToRefundMoreThanRemains() async throws {
        try await FakeStripeServer.run { fake in
            let gateway = fake.gateway()
            let payment = try await gateway.createPayment(order(amount: 1_000))
            _ = try await gateway.confirmPayment(id: payment.id, paymentMethod: "pm_card_visa", idempotencyKey: "c1")

            let refund = try await gateway.refund(paymentId: payment.id, amountMinor: 400, idempotencyKey: "r1")
            #expect(refund.succeeded && refund.amountMinor == 400 && refund.id.hasPrefix("re_"))

            let tooMuch = try #require(
                await gatewayError {
                    try await gateway.refund(paymentId: payment.id, amountMinor: 700, idempotencyKey: "r2")
                })
            #expect(!tooMuch.retryable)
            #expect(tooMuch.detail.contains("greater than unrefunded amount"))

            let rest = try await gateway.refund(paymentId: payment.id, amountMinor: 600, idempotencyKey: "r3")
            #expect(rest.succeeded)
        }
    }

    @Test func aPendingRefundIsAcceptedButNotYetSucceeded() async throws {
        try await FakeStripeServer.run { fake in
            let gateway = fake.gateway()
            let payment = try await gateway.createPayment(order())
            _ = try await gateway.confirmPayment(id: payment.id, paymentMethod: "pm_card_visa", idempotencyKey: "c1")
            await fake.stripe.settleRefunds(as: "pending")
            let refund = try await gateway.refund(paymentId: payment.id, amountMinor: 2_500, idempotencyKey: "r1")
            #expect(!refund.succeeded && refund.amountMinor == 2_500)

            await fake.stripe.settleRefunds(as: "failed")
            let other = try await gateway.createPayment(order())
            _ = try await gateway.confirmPayment(id: other.id, paymentMethod: "pm_card_visa", idempotencyKey: "c2")
            let failed = try #require(
                await gatewayError {
                    try await gateway.refund(paymentId: other.id, amountMinor: 100, idempotencyKey: "r2")
                })
            #expect(!failed.retryable)
        }
    }
}
