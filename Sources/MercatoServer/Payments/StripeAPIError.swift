import MercatoCore

/// Stripe's error object, as found in an error response's `error` field and in a PaymentIntent's
/// `last_payment_error`.
struct StripeAPIError: Decodable, Sendable {
    var type: String?
    var code: String?
    var declineCode: String?
    var message: String?
    var param: String?
    /// Only in error responses about a PaymentIntent; decoded without its own last error to keep the type finite.
    var paymentIntent: StripePaymentIntentSummary?

    enum CodingKeys: String, CodingKey {
        case type, code, message, param
        case declineCode = "decline_code"
        case paymentIntent = "payment_intent"
    }

    /// The body of every non-2xx response: `{"error": {…}}`.
    struct Body: Decodable {
        var error: StripeAPIError
    }

    /// The issuer's reason when it gave one (`insufficient_funds`), else Stripe's own (`card_declined`).
    var decline: PaymentDecline {
        PaymentDecline(
            code: declineCode ?? code ?? "card_declined",
            message: message ?? "The card was declined; try another payment method.")
    }
}

/// A PaymentIntent embedded in an error, whose own `last_payment_error` is the enclosing error.
struct StripePaymentIntentSummary: Decodable, Sendable {
    var id: String
    var amount: Int
    var currency: String
    var clientSecret: String?
    var metadata: [String: String]?

    enum CodingKeys: String, CodingKey {
        case id, amount, currency, metadata
        case clientSecret = "client_secret"
    }
}
