import Foundation

/// A PaymentIntent held by `FakeStripe`.
struct FakeStripeIntent: Sendable {
    var id: String
    var amount: Int
    var currency: String
    var clientSecret: String
    var metadata: [String: String]
    var receiptEmail: String?
    var paymentMethodTypes: [String]
    var status = "requires_payment_method"
    var lastPaymentError: Decline?
    var amountRefunded = 0

    /// A card decline, as Stripe reports it in an error response and in `last_payment_error`.
    struct Decline: Sendable {
        var reason: String
        var message: String

        var json: [String: Any] {
            [
                "type": "card_error", "code": "card_declined", "decline_code": reason, "message": message,
                "doc_url": "https://stripe.com/docs/error-codes/card-declined",
            ]
        }
    }

    var json: [String: Any] {
        [
            "id": id, "object": "payment_intent", "amount": amount,
            "amount_received": status == "succeeded" ? amount : 0, "currency": currency, "status": status,
            "client_secret": clientSecret, "metadata": metadata, "receipt_email": receiptEmail ?? NSNull(),
            "payment_method_types": paymentMethodTypes, "livemode": false, "capture_method": "automatic",
            "last_payment_error": lastPaymentError?.json ?? NSNull(),
            "next_action": status == "requires_action" ? ["type": "use_stripe_sdk"] : NSNull(),
        ]
    }
}
