import Logging
import MercatoCore
import MercatoDatabase

/// Where money moves: opens and confirms payments, settles whatever the gateway reports (from the shopper's
/// request, a webhook or a delayed confirmation), and refunds. The API, the CLI and background jobs all
/// go through it, so each rule lives once.
public struct PaymentDesk: Sendable {
    public let database: AppDatabase
    public let gateway: any PaymentGateway

    public init(database: AppDatabase, gateway: any PaymentGateway) {
        self.database = database
        self.gateway = gateway
    }

    /// Opens the gateway's payment for an order awaiting payment, unless it has one already.
    public func openPayment(for details: OrderDetails) async throws -> OrderDetails {
        if let payment = details.payment, payment.provider == gateway.provider, payment.status != "cancelled" {
            return details
        }
        let payment = try await gateway.createPayment(
            PaymentRequest(
                orderNumber: details.number, amountMinor: details.order.totalMinor,
                currency: Currency(code: details.order.currency) ?? .usd, email: details.order.email,
                idempotencyKey: "create-\(details.number)"))
        return try await database.recordPayment(
            for: details, provider: gateway.provider, payment: payment, method: "card")
    }

    /// Charges an order with the shopper's payment-method token. `attemptKey` names this attempt: a retry
    /// of the same attempt never charges twice; a new attempt (after a decline) may use another card.
    public func pay(number: String, paymentMethod: String, attemptKey: String, actor: String) async throws
        -> PaymentSettlement
    {
        var details = try await database.orderDetails(number: number)
        switch details.status {
        case .pendingPayment: break
        case .paid, .shipped, .delivered: return .alreadySettled(details)
        case .cancelled, .refunded:
            throw OrderError.transitionRefused(number: number, from: details.status, to: .paid)
        }
        details = try await openPayment(for: details)
        guard let payment = details.payment else { throw OrderError.paymentMissing(number: number) }
        let result = try await gateway.confirmPayment(
            id: payment.transactionId, paymentMethod: paymentMethod, idempotencyKey: "confirm-\(number)-\(attemptKey)")
        return try await settle(result, actor: actor)
    }

    /// Asks the gateway about an order's payment that is still being confirmed (a 3-D Secure check the shopper
    /// completes with the provider's script) and settles what it says. A gateway that does not answer leaves
    /// the order as it is: the webhook or the next look settles it.
    public func refresh(_ details: OrderDetails, actor: String) async throws -> OrderDetails {
        guard details.status == .pendingPayment, let payment = details.payment, payment.status == "processing",
            payment.provider == gateway.provider,
            let current = try? await gateway.retrievePayment(id: payment.transactionId),
            current.status != .processing
        else { return details }
        try await settle(current, actor: actor)
        return try await database.orderDetails(number: details.number)
    }

    /// Applies a gateway's report; money that arrives for an order that can no longer take it goes back.
    @discardableResult
    public func settle(_ payment: GatewayPayment, actor: String) async throws -> PaymentSettlement {
        let settlement = try await database.settlePayment(provider: gateway.provider, payment: payment, actor: actor)
        if case .refundNeeded(let details, let paymentId, let amount) = settlement {
            let refund = try await gateway.refund(
                paymentId: paymentId, amountMinor: amount, idempotencyKey: "unneeded-\(paymentId)")
            try await database.recordRefund(
                provider: gateway.provider, paymentId: paymentId, refund: refund, moveTo: nil, actor: actor,
                note: "payment arrived for an order that is \(details.status.label); refunded in full")
        }
        return settlement
    }

    /// Cancels an order that has not shipped: awaiting payment, its stock hold is released; paid, its payment
    /// is refunded in full and its stock returns.
    public func cancel(number: String, actor: String, note: String) async throws -> OrderDetails {
        let details = try await database.orderDetails(number: number)
        guard details.canCancel else {
            throw OrderError.transitionRefused(number: number, from: details.status, to: .cancelled)
        }
        guard details.status == .paid, let payment = try succeededPayment(details) else {
            return try await database.transitionOrder(number: number, to: .cancelled, actor: actor, note: note)
        }
        let refund = try await gateway.refund(
            paymentId: payment.transactionId, amountMinor: payment.amountMinor - payment.refundedMinor,
            idempotencyKey: "cancel-\(number)")
        return try await database.recordRefund(
            provider: payment.provider, paymentId: payment.transactionId, refund: refund, moveTo: .cancelled,
            actor: actor, note: note)
    }

    /// Refunds `amountMinor` (default: all that is left) of a paid order; a full refund makes it refunded.
    public func refund(number: String, amountMinor: Int?, actor: String) async throws -> OrderDetails {
        let details = try await database.orderDetails(number: number)
        guard let payment = try succeededPayment(details) else { throw OrderError.paymentMissing(number: number) }
        let refundable = payment.amountMinor - payment.refundedMinor
        let amount = amountMinor ?? refundable
        guard amount > 0, amount <= refundable else {
            throw OrderError.refundTooLarge(number: number, requestedMinor: amount, refundableMinor: refundable)
        }
        let isFull = amount == refundable
        if isFull, !details.status.canMove(to: .refunded) {
            throw OrderError.transitionRefused(number: number, from: details.status, to: .refunded)
        }
        let refund = try await gateway.refund(
            paymentId: payment.transactionId, amountMinor: amount,
            idempotencyKey: "refund-\(number)-\(payment.refundedMinor)-\(amount)")
        return try await database.recordRefund(
            provider: payment.provider, paymentId: payment.transactionId, refund: refund,
            moveTo: isFull ? .refunded : nil, actor: actor,
            note: isFull ? "refunded in full" : "refunded \(amount) of \(payment.amountMinor) minor units")
    }

    /// Records the refunds the provider holds for a payment that Mercato has not recorded: made in the
    /// provider's dashboard, or left unrecorded by a crash after the provider refunded. A payment refunded in
    /// full moves a paid, shipped or delivered order to refunded. Returns nil for a payment Mercato never opened.
    @discardableResult
    public func recordProviderRefunds(paymentId: String, actor: String) async throws -> OrderDetails? {
        guard try await database.hasPayment(provider: gateway.provider, id: paymentId) else { return nil }
        var details: OrderDetails?
        for refund in try await gateway.refunds(paymentId: paymentId).reversed() {
            details = try await database.recordRefund(
                provider: gateway.provider, paymentId: paymentId, refund: refund, moveTo: nil, actor: actor,
                note: "refunded at \(gateway.provider)")
        }
        return details
    }

    private func succeededPayment(_ details: OrderDetails) throws -> PaymentRecord? {
        guard let payment = details.payment, payment.status == "succeeded" else { return nil }
        guard payment.provider == gateway.provider else {
            throw PaymentGatewayError(
                provider: gateway.provider,
                detail:
                    "order \(details.number) was paid through \(payment.provider); configure that gateway to refund it",
                retryable: false)
        }
        return payment
    }
}
