/// The life of an order: pending payment → paid → shipped → delivered, or cancelled, or refunded.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    case pendingPayment = "pending_payment"
    case paid
    case shipped
    case delivered
    case cancelled
    case refunded

    /// The statuses this one may move to; every other transition is refused.
    public var allowedNext: Set<OrderStatus> {
        switch self {
        case .pendingPayment: [.paid, .cancelled]
        case .paid: [.shipped, .cancelled, .refunded]
        case .shipped: [.delivered, .refunded]
        case .delivered: [.refunded]
        case .cancelled, .refunded: []
        }
    }

    public func canMove(to next: OrderStatus) -> Bool { allowedNext.contains(next) }
}
