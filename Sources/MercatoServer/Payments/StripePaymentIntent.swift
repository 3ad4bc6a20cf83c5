import MercatoCore

/// The fields of Stripe's PaymentIntent object that Mercato reads; every other field is ignored, so new ones
/// Stripe adds never break decoding.
struct StripePaymentIntent: Decodable, Sendable {
    var id: String
    var status: String
    var amount: Int
    var currency: String
    var clientSecret: String?
    var metadata: [String: String]?
    var lastPaymentError: StripeAPIError?

    enum CodingKeys: String, CodingKey {
        case id, status, amount, currency, metadata
        case clientSecret = "client_secret"
        case lastPaymentError = "last_payment_error"
    }

    var gatewayPayment: GatewayPayment {
        GatewayPayment(
            id: id, status: gatewayStatus, amountMinor: amount, currency: currency, clientSecret: clientSecret,
            orderNumber: metadata?["order_number"])
    }

    var gatewayStatus: GatewayPaymentStatus {
        switch status {
        case "requires_payment_method": .requiresPaymentMethod(declined: lastPaymentError?.decline)
        case "succeeded": .succeeded
        case "canceled": .cancelled
        // requires_action means the card wants 3-D Secure, which only the shopper's browser can complete
        // (Stripe.js handles the challenge with the client secret). From the server's side the payment is out
        // of its hands until Stripe reports the outcome by webhook or a later retrieve: that is `processing`.
        // requires_confirmation and requires_capture are likewise waiting on a step outside this call, and an
        // unknown future status is safest treated the same way than as money received.
        default: .processing
        }
    }
}
