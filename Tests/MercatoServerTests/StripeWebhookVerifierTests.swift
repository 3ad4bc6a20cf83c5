import Crypto
import Foundation
import Hummingbird
import MercatoCore
import Testing

@testable import MercatoServer

@Suite struct StripeWebhookVerifierTests {
    private static let secret = "whsec_test_MercatoEndpointSecret"
    private static let now = Date(timeIntervalSince1970: 1_750_000_000)

    private let verifier = StripeWebhookVerifier(signingSecret: secret, clock: FixedClock(now))

    /// Signs as Stripe does: HMAC-SHA256 of "<t>.<body>" with the endpoint's secret, in lower-case hex.
    private static func signature(_ body: String, at time: Int, secret: String = secret) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(time).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    private static func header(_ body: String, at time: Int = Int(now.timeIntervalSince1970), secret: String = secret)
        -> String
    {
        "t=\(time),v1=\(signature(body, at: time, secret: secret))"
    }

    private static let succeeded = """
        {"id":"evt_1Succeeded","object":"event","api_version":"2024-06-20","created":1749999990,
         "type":"payment_intent.succeeded","livemode":false,"pending_webhooks":1,"request":{"id":null},
         "data":{"object":{"id":"pi_1Paid","object":"payment_intent","amount":2500,"currency":"usd",
           "status":"succeeded","client_secret":"pi_1Paid_secret_abc","metadata":{"order_number":"MC-1001"},
           "last_payment_error":null,"some_future_field":{"nested":[1,2,3]}}}}
        """

    private func rejection(_ body: String, _ header: String?) -> StripeWebhookError? {
        do {
            _ = try verifier.verifiedEvent(payload: Data(body.utf8), signatureHeader: header)
            return nil
        } catch {
            return error
        }
    }

    @Test func acceptsAnEventSignedWithTheEndpointSecret() throws {
        let event = try verifier.verifiedEvent(
            payload: Data(Self.succeeded.utf8), signatureHeader: Self.header(Self.succeeded))
        #expect(event.id == "evt_1Succeeded" && event.type == "payment_intent.succeeded")
        #expect(event.created == Date(timeIntervalSince1970: 1_749_999_990))
        #expect(
            event.paymentIntent
                == GatewayPayment(
                    id: "pi_1Paid", status: .succeeded, amountMinor: 2_500, currency: "usd",
                    clientSecret: "pi_1Paid_secret_abc", orderNumber: "MC-1001"))
        #expect(event.refundedCharge == nil)

        let collected = ByteBuffer(string: Self.succeeded)
        #expect(try verifier.verifiedEvent(payload: collected, signatureHeader: Self.header(Self.succeeded)) == event)
    }

    @Test func rejectsASignatureMadeWithAnotherSecret() {
        let forged = Self.header(Self.succeeded, secret: "whsec_someone_else")
        #expect(rejection(Self.succeeded, forged) == .signatureMismatch)
    }

    @Test func rejectsABodyAlteredAfterSigning() {
        let altered = Self.succeeded.replacingOccurrences(of: "\"amount\":2500", with: "\"amount\":1")
        #expect(rejection(altered, Self.header(Self.succeeded)) == .signatureMismatch)
    }

    @Test func rejectsATimestampMoreThanFiveMinutesFromNowEitherWay() {
        let now = Int(Self.now.timeIntervalSince1970)
        #expect(
            rejection(Self.succeeded, Self.header(Self.succeeded, at: now - 301))
                == .timestampOutsideTolerance(age: 301, tolerance: 300))
        #expect(
            rejection(Self.succeeded, Self.header(Self.succeeded, at: now + 301))
                == .timestampOutsideTolerance(age: -301, tolerance: 300))
        #expect(rejection(Self.succeeded, Self.header(Self.succeeded, at: now - 300)) == nil)
    }

    @Test func acceptsAnyMatchingV1SignatureWhileASecretIsRolled() {
        let time = Int(Self.now.timeIntervalSince1970)
        let old = Self.signature(Self.succeeded, at: time, secret: "whsec_retired_secret")
        let current = Self.signature(Self.succeeded, at: time)
        let header = "t=\(time),v1=\(old),v1=\(current),v0=\(String(repeating: "0", count: 64))"
        #expect(rejection(Self.succeeded, header) == nil)
    }

    @Test func rejectsMissingAndMalformedHeaders() {
        #expect(rejection(Self.succeeded, nil) == .missingSignatureHeader)
        #expect(rejection(Self.succeeded, " ") == .missingSignatureHeader)
        let v1 = Self.signature(Self.succeeded, at: 1_750_000_000)
        for header in ["garbage", "v1=\(v1)", "t=yesterday,v1=\(v1)"] {
            guard case .malformedSignatureHeader = rejection(Self.succeeded, header) else {
                Issue.record("'\(header)' was not reported as malformed")
                continue
            }
        }
        #expect(rejection(Self.succeeded, "t=1750000000,v0=\(v1)") == .noV1Signature)
        #expect(rejection(Self.succeeded, "t=1750000000,v1=not-hex") == .signatureMismatch)
    }

    @Test func errorsSayWhatToCheck() {
        #expect(StripeWebhookError.missingSignatureHeader.description.contains("Stripe-Signature"))
        #expect(StripeWebhookError.signatureMismatch.description.contains("signing secret"))
        #expect(
            StripeWebhookError.timestampOutsideTolerance(age: 301, tolerance: 300).description.contains("301 s old"))
    }

    @Test func anEventOfAnUnknownTypeDecodesWithoutAPayment() throws {
        let body = """
            {"id":"evt_2","object":"event","created":1749999999,"type":"customer.subscription.paused",
             "data":{"object":{"id":"sub_1","object":"subscription","anything":true}}}
            """
        let event = try verifier.verifiedEvent(payload: Data(body.utf8), signatureHeader: Self.header(body))
        #expect(event.type == "customer.subscription.paused")
        #expect(event.paymentIntent == nil && event.refundedCharge == nil)
    }

    @Test func aFailedPaymentEventCarriesTheDecline() throws {
        let body = """
            {"id":"evt_3","created":1749999999,"type":"payment_intent.payment_failed","data":{"object":{
             "id":"pi_2","amount":900,"currency":"eur","status":"requires_payment_method","client_secret":null,
             "metadata":{},"last_payment_error":{"type":"card_error","code":"card_declined",
             "decline_code":"insufficient_funds","message":"Your card has insufficient funds."}}}}
            """
        let event = try verifier.verifiedEvent(payload: Data(body.utf8), signatureHeader: Self.header(body))
        #expect(
            event.paymentIntent?.status
                == .requiresPaymentMethod(
                    declined: PaymentDecline(code: "insufficient_funds", message: "Your card has insufficient funds.")))
        #expect(event.paymentIntent?.orderNumber == nil)
    }

    @Test func aRefundedChargeEventNamesItsPaymentAndTheAmountRefunded() throws {
        let body = """
            {"id":"evt_4","created":1749999999,"type":"charge.refunded","data":{"object":{"id":"ch_1",
             "object":"charge","amount":2500,"amount_refunded":400,"refunded":false,"payment_intent":"pi_1Paid",
             "refunds":{"object":"list","data":[]}}}}
            """
        let event = try verifier.verifiedEvent(payload: Data(body.utf8), signatureHeader: Self.header(body))
        #expect(
            event.refundedCharge
                == .init(chargeId: "ch_1", paymentIntentId: "pi_1Paid", amountRefundedMinor: 400, fullyRefunded: false))
    }

    @Test func aSignedBodyThatIsNotAnEventIsReportedAsSuch() {
        let body = "{\"hello\":\"world\"}"
        guard case .undecodableEvent(let reason) = rejection(body, Self.header(body)) else {
            Issue.record("expected undecodableEvent")
            return
        }
        #expect(reason.contains("'id'"))
    }
}
