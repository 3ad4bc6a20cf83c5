import Foundation
import GRDB
import MercatoCore

/// What settling a gateway's report did to its order.
public enum PaymentSettlement: Sendable, Hashable {
    /// This report turned the order into a paid order.
    case paid(OrderDetails)
    /// The payment had already been settled; nothing changed.
    case alreadySettled(OrderDetails)
    case processing(OrderDetails)
    case declined(OrderDetails, PaymentDecline?)
    /// Money arrived for an order that can no longer take it (its hold ended, or another payment paid it):
    /// it must be refunded.
    case refundNeeded(OrderDetails, paymentId: String, amountMinor: Int)
    /// The report does not match the order (amount, currency) or names no known order; nothing changed.
    case ignored(reason: String)
}

extension AppDatabase {
    /// Stores the payment the gateway opened (or its latest state) against the order. `known` is the order as
    /// the caller last saw it: its lines and history are reused if its status is still the same inside the write
    /// (lines never change, and history grows only with a new status, never an earlier one), else read again.
    @discardableResult
    public func recordPayment(for known: OrderDetails, provider: String, payment: GatewayPayment, method: String)
        async throws -> OrderDetails
    {
        try await write { db in
            guard let id = known.order.id, let order = try OrderRecord.fetch(db, id: id) else {
                throw OrderError.notFound(known.number)
            }
            var details =
                order.status == known.order.status
                ? OrderDetails(order: order, items: known.items, events: known.events, payment: nil)
                : try OrderDetails.fetch(db, order: order)
            var row =
                try paymentRow(db, provider: provider, id: payment.id)
                ?? newPaymentRow(provider: provider, id: payment.id, order: order, method: method)
            apply(payment, to: &row)
            let isNew = row.id == nil
            try store(&row, db)
            // A payment inserted now has the highest id (`AUTOINCREMENT`): it is the order's latest.
            details.payment = isNew ? row : try OrderDetails.latestPayment(db, orderId: id)
            return details
        }
    }

    /// Applies a gateway's report about a payment, from the shopper's request or a webhook, in any order and
    /// any number of times: a success pays the order exactly once, a late failure never undoes a success.
    /// The order in the answer is read after the write is committed (the one writer should spend its time
    /// writing): it is the order as it is then.
    public func settlePayment(provider: String, payment: GatewayPayment, actor: String) async throws
        -> PaymentSettlement
    {
        let settled = try await write { db -> Settled in
            let existing = try paymentRow(db, provider: provider, id: payment.id)
            let orderId =
                try existing?.orderId
                ?? payment.orderNumber.flatMap {
                    try Int64.fetchOne(
                        db.cachedStatement(sql: "SELECT id FROM \"order\" WHERE number = ?"), arguments: [$0])
                }
            guard let orderId, var order = try OrderRecord.fetch(db, id: orderId) else {
                return .ignored(reason: "payment \(payment.id) names no known order")
            }
            guard payment.amountMinor == order.totalMinor, payment.currency.uppercased() == order.currency else {
                try audit(
                    db, actor: actor, action: "payment.mismatch", entity: "order", key: order.number,
                    details: "{\"payment\":\(JSONString.literal(payment.id))}")
                return .ignored(reason: "payment \(payment.id) is for a different amount than order \(order.number)")
            }
            var row = existing ?? newPaymentRow(provider: provider, id: payment.id, order: order, method: "card")
            let wasSucceeded = row.status == "succeeded" || row.status == "refunded"
            if !wasSucceeded { apply(payment, to: &row) }
            try store(&row, db)

            guard payment.status == .succeeded else {
                switch payment.status {
                case .processing: return .order(order.number, .processing)
                case .requiresPaymentMethod(let decline): return .order(order.number, .declined(decline))
                default: return .ignored(reason: "payment \(payment.id) was cancelled")
                }
            }
            if wasSucceeded { return .order(order.number, .alreadySettled) }
            guard order.status == OrderStatus.pendingPayment.rawValue else {
                try audit(
                    db, actor: actor, action: "payment.unexpected", entity: "order", key: order.number,
                    details: "{\"payment\":\(JSONString.literal(payment.id)),\"orderStatus\":\(JSONString.literal(order.status))}")
                return .order(order.number, .refundNeeded(paymentId: payment.id, amountMinor: payment.amountMinor))
            }
            try move(db, &order, to: .paid, actor: actor, note: "payment received")
            return .order(order.number, .paid)
        }
        switch settled {
        case .ignored(let reason): return .ignored(reason: reason)
        case .order(let number, let outcome):
            let details = try await orderDetails(number: number)
            switch outcome {
            case .paid: return .paid(details)
            case .alreadySettled: return .alreadySettled(details)
            case .processing: return .processing(details)
            case .declined(let decline): return .declined(details, decline)
            case .refundNeeded(let paymentId, let amount):
                return .refundNeeded(details, paymentId: paymentId, amountMinor: amount)
            }
        }
    }

    /// What ``settlePayment(provider:payment:actor:)`` did, before its order is read.
    private enum Settled: Sendable {
        case ignored(reason: String)
        case order(String, Outcome)

        enum Outcome: Sendable {
            case paid, alreadySettled, processing
            case declined(PaymentDecline?)
            case refundNeeded(paymentId: String, amountMinor: Int)
        }
    }

    /// Records a refund the gateway confirmed and moves the order in the same transaction: to `next` if given
    /// (cancelled or refunded), else to refunded once the whole payment is refunded and the order may move there.
    /// Recording the same refund again counts its money once; the move to `next` is still made if it was not,
    /// so whichever of the shopper's request and the provider's webhook records a refund first, the order ends
    /// where the request asked.
    @discardableResult
    public func recordRefund(
        provider: String, paymentId: String, refund: GatewayRefund, moveTo next: OrderStatus?, actor: String,
        note: String?
    ) async throws -> OrderDetails {
        try await write { db in
            guard var payment = try paymentRow(db, provider: provider, id: paymentId),
                var order = try OrderRecord.fetch(db, id: payment.orderId)
            else { throw OrderError.notFound(paymentId) }
            let isNew = try PaymentRefundRow(paymentId: payment.id!, refundId: refund.id, amountMinor: refund.amountMinor)
                .insertIfNew(db, now: clock.now())
            if isNew {
                payment.refundedMinor += refund.amountMinor
                if payment.refundedMinor >= payment.amountMinor { payment.status = "refunded" }
                payment.updatedAt = clock.now()
                try payment.update(db, columns: ["refundedMinor", "status", "updatedAt"])
            }
            let current = OrderStatus(rawValue: order.status) ?? .pendingPayment
            let wholeRefund = payment.refundedMinor >= payment.amountMinor
            if let next, current != next, current.canMove(to: next) {
                try move(db, &order, to: next, actor: actor, note: note)
            } else if next == nil, isNew, wholeRefund, current.canMove(to: .refunded) {
                try move(db, &order, to: .refunded, actor: actor, note: note)
            } else if isNew {
                try audit(
                    db, actor: actor, action: "payment.refund", entity: "order", key: order.number,
                    details: "{\"amountMinor\":\(refund.amountMinor)}")
            }
            return try OrderDetails.fetch(db, order: order)
        }
    }

    /// Whether a payment with this provider id belongs to one of the shop's orders.
    public func hasPayment(provider: String, id: String) async throws -> Bool {
        try await read { db in try paymentRow(db, provider: provider, id: id) != nil }
    }

    private func paymentRow(_ db: Database, provider: String, id: String) throws -> PaymentRecord? {
        try PaymentRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM payment WHERE provider = ? AND transactionId = ?"),
            arguments: [provider, id])
    }

    /// Inserts a new payment, or writes only what a gateway's report changes (a whole-row update rewrites the
    /// entries of every index on the table as well), through a statement prepared once: GRDB's
    /// `update(_:columns:)` encodes every column of the record to pick the few it writes.
    private func store(_ row: inout PaymentRecord, _ db: Database) throws {
        if row.id == nil {
            row.id = try db.insert(row)
        } else {
            try db.cachedStatement(
                sql: """
                    UPDATE payment SET status = ?, clientSecret = ?, declineCode = ?, declineMessage = ?, updatedAt = ?
                    WHERE id = ?
                    """
            ).execute(arguments: [
                row.status, row.clientSecret, row.declineCode, row.declineMessage, DatabaseTimestamp(row.updatedAt),
                row.id,
            ])
        }
    }

    private func newPaymentRow(provider: String, id: String, order: OrderRecord, method: String) -> PaymentRecord {
        let now = clock.now()
        return PaymentRecord(
            orderId: order.id!, amountMinor: order.totalMinor, currency: order.currency,
            status: "requires_payment_method", method: method, provider: provider, transactionId: id,
            refundedMinor: 0, createdAt: now, updatedAt: now)
    }

    private func apply(_ payment: GatewayPayment, to row: inout PaymentRecord) {
        row.updatedAt = clock.now()
        if let secret = payment.clientSecret { row.clientSecret = secret }
        switch payment.status {
        case .requiresPaymentMethod(let decline):
            row.status = "requires_payment_method"
            row.declineCode = decline?.code
            row.declineMessage = decline?.message
        case .processing: row.status = "processing"
        case .succeeded:
            row.status = "succeeded"
            row.declineCode = nil
            row.declineMessage = nil
        case .cancelled: row.status = "cancelled"
        }
    }
}

private struct PaymentRefundRow {
    var paymentId: Int64
    var refundId: String
    var amountMinor: Int

    func insertIfNew(_ db: Database, now: Date) throws -> Bool {
        try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO paymentRefund (paymentId, refundId, amountMinor, createdAt) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [paymentId, refundId, amountMinor, DatabaseTimestamp(now)])
        return db.changesCount > 0
    }
}
