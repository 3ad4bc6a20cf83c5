/// Why an order could not be found or changed.
public enum OrderError: Error, Equatable, Sendable {
    case notFound(String)
    case transitionRefused(number: String, from: OrderStatus, to: OrderStatus)
    case trackingNumberRequired(number: String)
    case paymentMissing(number: String)
    case refundTooLarge(number: String, requestedMinor: Int, refundableMinor: Int)

    public var message: String {
        switch self {
        case .notFound(let number): "There is no order \(number)."
        case .transitionRefused(let number, let from, let to):
            switch (from, to) {
            case (.shipped, .cancelled), (.delivered, .cancelled):
                "Order \(number) has already shipped and can no longer be cancelled; ask for a refund instead."
            default: "Order \(number) is \(from.label) and cannot become \(to.label)."
            }
        case .trackingNumberRequired(let number): "Shipping order \(number) needs a tracking number."
        case .paymentMissing(let number): "Order \(number) has no completed payment to refund."
        case .refundTooLarge(let number, let requested, let refundable):
            "Refund of \(requested) minor units on order \(number) exceeds the \(refundable) still refundable."
        }
    }
}

extension OrderStatus {
    /// The status in words, for messages and pages.
    public var label: String {
        switch self {
        case .pendingPayment: "awaiting payment"
        case .paid: "paid"
        case .shipped: "shipped"
        case .delivered: "delivered"
        case .cancelled: "cancelled"
        case .refunded: "refunded"
        }
    }
}
