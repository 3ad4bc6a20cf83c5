import MercatoCore

/// The fields of Stripe's Refund object that Mercato reads.
struct StripeRefund: Decodable, Sendable {
    var id: String
    var amount: Int
    /// `pending`, `requires_action`, `succeeded`, `failed` or `canceled`.
    var status: String?
    var failureReason: String?

    enum CodingKeys: String, CodingKey {
        case id, amount, status
        case failureReason = "failure_reason"
    }
}
