import Foundation
import MercatoCore
import Synchronization

/// The built-in gateway (the default): behaves like a card provider's test mode, without a network.
///
/// Payment-method tokens decide the outcome, named as Stripe names its test cards:
/// `pm_card_visa` succeeds; `pm_card_chargeDeclined` is declined; `pm_card_chargeDeclinedInsufficientFunds`
/// is declined for insufficient funds; `pm_card_gatewayError` fails at the gateway (retryable);
/// `pm_card_delayed` is accepted as processing and succeeds `confirmationDelay` later, reported on
/// ``asyncResults`` as a webhook would be. Any other token is declined as an invalid card.
public final class TestCardGateway: PaymentGateway, Sendable {
    public static let paymentMethods = [
        "pm_card_visa", "pm_card_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds", "pm_card_gatewayError",
        "pm_card_delayed",
    ]
    public let provider = "test"
    /// Payments confirmed after a delay, for the server to settle as it would a webhook.
    public let asyncResults: AsyncStream<GatewayPayment>
    private let continuation: AsyncStream<GatewayPayment>.Continuation
    private let confirmationDelay: Duration
    private let state = Mutex(State())

    private struct State {
        var payments: [String: GatewayPayment] = [:]
        var replies: [String: GatewayPayment] = [:]
        var refunds: [String: GatewayRefund] = [:]
        var refunded: [String: Int] = [:]
    }

    public init(confirmationDelay: Duration = .seconds(2)) {
        self.confirmationDelay = confirmationDelay
        (asyncResults, continuation) = AsyncStream.makeStream()
    }

    public func createPayment(_ request: PaymentRequest) async throws -> GatewayPayment {
        state.withLock { state in
            if let reply = state.replies["create:" + request.idempotencyKey] { return reply }
            let payment = GatewayPayment(
                id: "tp_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased(),
                status: .requiresPaymentMethod(declined: nil), amountMinor: request.amountMinor,
                currency: request.currency.code.lowercased(), orderNumber: request.orderNumber)
            state.payments[payment.id] = payment
            state.replies["create:" + request.idempotencyKey] = payment
            return payment
        }
    }

    public func confirmPayment(id: String, paymentMethod: String, idempotencyKey: String) async throws -> GatewayPayment {
        if paymentMethod == "pm_card_gatewayError" {
            throw PaymentGatewayError(provider: provider, detail: "test gateway error (pm_card_gatewayError)", retryable: true)
        }
        let result = try state.withLock { state throws(PaymentGatewayError) -> GatewayPayment in
            if let reply = state.replies["confirm:" + idempotencyKey] { return reply }
            guard var payment = state.payments[id] else {
                throw PaymentGatewayError(provider: provider, detail: "no such payment \(id)", retryable: false)
            }
            switch payment.status {
            case .succeeded, .processing, .cancelled: return payment
            case .requiresPaymentMethod: break
            }
            payment.status =
                switch paymentMethod {
                case "pm_card_visa": .succeeded
                case "pm_card_delayed": .processing
                case "pm_card_chargeDeclinedInsufficientFunds":
                    .requiresPaymentMethod(
                        declined: PaymentDecline(
                            code: "insufficient_funds", message: "Your card has insufficient funds. Try another card."))
                case "pm_card_chargeDeclined":
                    .requiresPaymentMethod(
                        declined: PaymentDecline(
                            code: "generic_decline", message: "Your card was declined. Try another card."))
                default:
                    .requiresPaymentMethod(
                        declined: PaymentDecline(
                            code: "invalid_payment_method", message: "This payment method is not valid. Try another card."))
                }
            state.payments[id] = payment
            state.replies["confirm:" + idempotencyKey] = payment
            return payment
        }
        if result.status == .processing { scheduleConfirmation(of: id) }
        return result
    }

    public func retrievePayment(id: String) async throws -> GatewayPayment {
        try state.withLock { state throws(PaymentGatewayError) -> GatewayPayment in
            guard let payment = state.payments[id] else {
                throw PaymentGatewayError(provider: provider, detail: "no such payment \(id)", retryable: false)
            }
            return payment
        }
    }

    public func refund(paymentId: String, amountMinor: Int, idempotencyKey: String) async throws -> GatewayRefund {
        try state.withLock { state throws(PaymentGatewayError) -> GatewayRefund in
            if let refund = state.refunds[idempotencyKey] { return refund }
            guard let payment = state.payments[paymentId], payment.status == .succeeded else {
                throw PaymentGatewayError(provider: provider, detail: "payment \(paymentId) has not succeeded", retryable: false)
            }
            let already = state.refunded[paymentId, default: 0]
            guard amountMinor > 0, already + amountMinor <= payment.amountMinor else {
                throw PaymentGatewayError(
                    provider: provider, detail: "refund of \(amountMinor) exceeds the \(payment.amountMinor - already) left",
                    retryable: false)
            }
            let refund = GatewayRefund(id: "tr_\(UUID().uuidString.prefix(8).lowercased())", amountMinor: amountMinor, succeeded: true)
            state.refunded[paymentId] = already + amountMinor
            state.refunds[idempotencyKey] = refund
            return refund
        }
    }

    private func scheduleConfirmation(of id: String) {
        Task { [self] in
            try? await Task.sleep(for: confirmationDelay)
            let confirmed = self.state.withLock { state -> GatewayPayment? in
                guard var payment = state.payments[id], payment.status == .processing else { return nil }
                payment.status = .succeeded
                state.payments[id] = payment
                return payment
            }
            if let confirmed { continuation.yield(confirmed) }
        }
    }
}
