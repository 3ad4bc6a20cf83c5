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

    /// The refund as the gateway reports it; nil for one that `failed` or was `canceled`, as no money moved.
    var gatewayRefund: GatewayRefund? {
        switch status {
        case "succeeded": GatewayRefund(id: id, amountMinor: amount, succeeded: true)
        case "failed", "canceled": nil
        default: GatewayRefund(id: id, amountMinor: amount, succeeded: false)
        }
    }
}

/// A page of one of Stripe's list endpoints.
struct StripeList<Item: Decodable>: Decodable {
    var data: [Item]
    var hasMore: Bool

    enum CodingKeys: String, CodingKey {
        case data
        case hasMore = "has_more"
    }
}
