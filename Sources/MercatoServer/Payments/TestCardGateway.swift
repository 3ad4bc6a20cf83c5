import Foundation
import GRDB
import MercatoCore
import MercatoDatabase

/// The built-in gateway (the default): behaves like a card provider's test mode, without a network, keeping
/// its payments in the shop's database as a provider keeps its own.
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
    public let publishableKey: String? = nil
    /// Payments confirmed after a delay, for the server to settle as it would a webhook.
    public let asyncResults: AsyncStream<GatewayPayment>
    private let continuation: AsyncStream<GatewayPayment>.Continuation
    private let confirmationDelay: Duration
    private let ledger: AppDatabase

    public init(ledger: AppDatabase, confirmationDelay: Duration = .seconds(2)) {
        self.ledger = ledger
        self.confirmationDelay = confirmationDelay
        (asyncResults, continuation) = AsyncStream.makeStream()
    }

    public func createPayment(_ request: PaymentRequest) async throws -> GatewayPayment {
        // Made before the write: the shop's one writer should only write.
        let newId = Self.paymentId()
        return try await ledger.write { db in
            let key = "create:" + request.idempotencyKey
            if let id = try String.fetchOne(
                db.cachedStatement(sql: "SELECT paymentId FROM testGatewayReply WHERE key = ?"), arguments: [key]),
                let row = try TestGatewayPaymentRow.fetch(db, id: id)
            {
                return Self.payment(row)
            }
            let row = TestGatewayPaymentRow(
                id: newId,
                orderNumber: request.orderNumber, amountMinor: request.amountMinor,
                currency: request.currency.code.lowercased())
            try db.insert(row)
            try db.cachedStatement(sql: "INSERT INTO testGatewayReply (key, paymentId) VALUES (?, ?)").execute(
                arguments: [key, row.id])
            return Self.payment(row)
        }
    }

    public func confirmPayment(id: String, paymentMethod: String, idempotencyKey: String) async throws -> GatewayPayment
    {
        if paymentMethod == "pm_card_gatewayError" {
            throw PaymentGatewayError(
                provider: provider, detail: "test gateway error (pm_card_gatewayError)", retryable: true)
        }
        let payment = try await ledger.write { db in
            guard var row = try TestGatewayPaymentRow.fetch(db, id: id) else {
                throw PaymentGatewayError(provider: "test", detail: "no such payment \(id)", retryable: false)
            }
            let key = "confirm:" + idempotencyKey
            let replayed = try String.fetchOne(
                db.cachedStatement(sql: "SELECT paymentId FROM testGatewayReply WHERE key = ?"), arguments: [key])
            // A payment that succeeded or is processing cannot be charged again.
            guard replayed == nil, row.status == "requires_payment_method" else { return Self.payment(row) }
            (row.status, row.declineCode, row.declineMessage) = Self.outcome(of: paymentMethod)
            try row.updateState(db)
            try db.cachedStatement(sql: "INSERT INTO testGatewayReply (key, paymentId) VALUES (?, ?)").execute(
                arguments: [key, row.id])
            return Self.payment(row)
        }
        if payment.status == .processing { scheduleConfirmation(of: id) }
        return payment
    }

    public func retrievePayment(id: String) async throws -> GatewayPayment {
        try await ledger.write { db in
            guard let row = try TestGatewayPaymentRow.fetch(db, id: id) else {
                throw PaymentGatewayError(provider: "test", detail: "no such payment \(id)", retryable: false)
            }
            return Self.payment(row)
        }
    }

    public func refund(paymentId: String, amountMinor: Int, idempotencyKey: String) async throws -> GatewayRefund {
        try await ledger.write { db in
            let key = "refund:" + idempotencyKey
            if let reply = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT refundId, amountMinor FROM testGatewayReply WHERE key = ?"),
                arguments: [key])
            {
                return GatewayRefund(id: reply["refundId"], amountMinor: reply["amountMinor"], succeeded: true)
            }
            guard var row = try TestGatewayPaymentRow.fetch(db, id: paymentId), row.status == "succeeded" else {
                throw PaymentGatewayError(
                    provider: "test", detail: "payment \(paymentId) has not succeeded", retryable: false)
            }
            guard amountMinor > 0, row.refundedMinor + amountMinor <= row.amountMinor else {
                throw PaymentGatewayError(
                    provider: "test",
                    detail: "refund of \(amountMinor) exceeds the \(row.amountMinor - row.refundedMinor) left",
                    retryable: false)
            }
            row.refundedMinor += amountMinor
            try row.updateState(db)
            let refund = GatewayRefund(
                id: "tr_" + UUID().uuidString.prefix(12).lowercased(), amountMinor: amountMinor, succeeded: true)
            try db.cachedStatement(
                sql: "INSERT INTO testGatewayReply (key, paymentId, refundId, amountMinor) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [key, paymentId, refund.id, amountMinor])
            return refund
        }
    }

    public func refunds(paymentId: String) async throws -> [GatewayRefund] {
        try await ledger.writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT refundId, amountMinor FROM testGatewayReply WHERE paymentId = ? AND refundId IS NOT NULL",
                arguments: [paymentId]
            ).map { GatewayRefund(id: $0["refundId"], amountMinor: $0["amountMinor"], succeeded: true) }
        }
    }

    /// `tp_`, then the millisecond it was made in 12 hexadecimal digits and 20 random ones: ids that sort as they
    /// were made, as a card provider's do, so that the ledger's index and the shop's payment index take each
    /// group commit's new payments on their last page rather than one page each.
    static func paymentId(madeAt date: Date = Date()) -> String {
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        let time = String(milliseconds, radix: 16)
        var random = SystemRandomNumberGenerator()
        let digits = (0..<20).map { _ in String(random.next(upperBound: UInt8(16)), radix: 16) }.joined()
        return "tp_" + String(repeating: "0", count: max(0, 12 - time.count)) + time + digits
    }

    private static func outcome(of paymentMethod: String) -> (String, String?, String?) {
        switch paymentMethod {
        case "pm_card_visa": ("succeeded", nil, nil)
        case "pm_card_delayed": ("processing", nil, nil)
        case "pm_card_chargeDeclinedInsufficientFunds":
            ("requires_payment_method", "insufficient_funds", "Your card has insufficient funds. Try another card.")
        case "pm_card_chargeDeclined":
            ("requires_payment_method", "generic_decline", "Your card was declined. Try another card.")
        default:
            ("requires_payment_method", "invalid_payment_method", "This payment method is not valid. Try another card.")
        }
    }

    private static func payment(_ row: TestGatewayPaymentRow) -> GatewayPayment {
        let status: GatewayPaymentStatus =
            switch row.status {
            case "succeeded": .succeeded
            case "processing": .processing
            default:
                .requiresPaymentMethod(
                    declined: row.declineCode.map { PaymentDecline(code: $0, message: row.declineMessage ?? "") })
            }
        return GatewayPayment(
            id: row.id, status: status, amountMinor: row.amountMinor, currency: row.currency,
            orderNumber: row.orderNumber)
    }

    private func scheduleConfirmation(of id: String) {
        Task { [self] in
            try? await Task.sleep(for: confirmationDelay)
            let confirmed = try? await ledger.write { db -> GatewayPayment? in
                guard var row = try TestGatewayPaymentRow.fetch(db, id: id), row.status == "processing" else {
                    return nil
                }
                row.status = "succeeded"
                try row.updateState(db)
                return Self.payment(row)
            }
            if let confirmed { continuation.yield(confirmed) }
        }
    }
}
