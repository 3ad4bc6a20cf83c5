import Foundation
import GRDB
import MercatoCore

/// Order transitions: the state machine of ``OrderStatus`` with the stock each one moves, every transition
/// recorded with time and actor.
extension AppDatabase {
    /// Moves an order to `next` if the state machine allows it. Shipping needs a tracking number.
    @discardableResult
    public func transitionOrder(
        number: String, to next: OrderStatus, actor: String, note: String? = nil, trackingNumber: String? = nil
    ) async throws -> OrderDetails {
        try await write { db in
            var order = try OrderDetails.fetch(db, number: number).order
            if let trackingNumber { order.trackingNumber = trackingNumber }
            try move(db, &order, to: next, actor: actor, note: note)
            return try OrderDetails.fetch(db, order: order)
        }
    }

    /// Cancels every order still awaiting payment whose stock hold has ended, releasing the stock;
    /// returns their numbers.
    public func releaseExpiredHolds(actor: String) async throws -> [String] {
        try await write { db in
            let expired = try OrderRecord.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT * FROM "order" INDEXED BY order_awaiting_payment_on_holdExpiresAt
                        WHERE status = 'pending_payment' AND holdExpiresAt <= ? ORDER BY holdExpiresAt LIMIT 500
                        """), arguments: [DatabaseTimestamp(clock.now())])
            for var order in expired {
                try move(
                    db, &order, to: .cancelled, actor: actor, note: "payment not received before the stock hold ended")
            }
            return expired.map(\.number)
        }
    }

    /// The open payments (not yet succeeded, not cancelled) of orders whose stock hold has ended: before the hold
    /// is released, the gateway is asked whether the money arrived after all.
    public func openPaymentsOnExpiredHolds() async throws -> [PaymentRecord] {
        try await read { db in
            try PaymentRecord.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT p.* FROM payment p JOIN "order" o ON o.id = p.orderId
                        WHERE o.status = 'pending_payment' AND o.holdExpiresAt <= ?
                          AND p.status IN ('requires_payment_method', 'processing')
                        ORDER BY o.holdExpiresAt LIMIT 500
                        """), arguments: [DatabaseTimestamp(clock.now())])
        }
    }

    /// The most recent orders, newest first, optionally of one status.
    public func orders(status: OrderStatus?, limit: Int) async throws -> [OrderRecord] {
        try await read { db in
            var request = OrderRecord.order(Column("placedAt").desc, Column("id").desc).limit(limit)
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.fetchAll(db)
        }
    }

    /// The one place an order's status changes.
    func move(_ db: Database, _ order: inout OrderRecord, to next: OrderStatus, actor: String, note: String?) throws {
        let now = clock.now()
        let current = OrderStatus(rawValue: order.status) ?? .pendingPayment
        guard current.canMove(to: next) else {
            throw OrderError.transitionRefused(number: order.number, from: current, to: next)
        }
        if next == .shipped, (order.trackingNumber ?? "").isEmpty {
            throw OrderError.trackingNumberRequired(number: order.number)
        }
        let items = try OrderItemRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM orderItem WHERE orderId = ?"), arguments: [order.id])
        let stockChange: String? =
            switch (current, next) {
            // The hold becomes a sale.
            case (.pendingPayment, .paid): "onHand = onHand - :quantity, reserved = reserved - :quantity"
            case (.pendingPayment, .cancelled): "reserved = reserved - :quantity"
            // Paid but not shipped: the goods are still on the shelf.
            case (.paid, .cancelled), (.paid, .refunded): "onHand = onHand + :quantity"
            default: nil
            }
        if let stockChange {
            for item in items {
                guard let productId = item.productId else { continue }
                try db.cachedStatement(
                    sql: "UPDATE inventory SET \(stockChange), updatedAt = :now WHERE productId = :product"
                ).execute(arguments: ["quantity": item.quantity, "now": DatabaseTimestamp(now), "product": productId])
                if next == .paid { try alertIfLow(db, productId: productId, sold: item.quantity, now: now) }
            }
        }
        order.status = next.rawValue
        order.updatedAt = now
        if next != .pendingPayment { order.holdExpiresAt = nil }
        // What a transition changes; a whole-row update would rewrite every index of the table.
        try db.cachedStatement(
            sql: "UPDATE \"order\" SET status = ?, updatedAt = ?, holdExpiresAt = ?, trackingNumber = ? WHERE id = ?"
        ).execute(arguments: [
            order.status, DatabaseTimestamp(order.updatedAt), order.holdExpiresAt.map(DatabaseTimestamp.init),
            order.trackingNumber, order.id,
        ])
        guard db.changesCount == 1 else { throw OrderError.notFound(order.number) }
        var event = OrderEventRecord(
            orderId: order.id!, fromStatus: current.rawValue, toStatus: next.rawValue, actor: actor, note: note,
            occurredAt: now)
        event.id = try db.insert(event)
        try audit(
            db, actor: actor, action: "order.\(next.rawValue)", entity: "order", key: order.number,
            details: note.map { "{\"note\":\(JSONString.literal($0))}" })
    }

    /// Notes a low-stock alert when a sale takes a product to its threshold or below (once per crossing).
    private func alertIfLow(_ db: Database, productId: Int64, sold: Int, now: Date) throws {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT p.name, i.onHand - i.reserved AS available, i.lowStockThreshold AS threshold
                        FROM inventory i JOIN product p ON p.id = i.productId WHERE i.productId = ?
                        """), arguments: [productId])
        else { return }
        let available: Int = row["available"]
        let threshold: Int = row["threshold"]
        guard available <= threshold, available + sold > threshold else { return }
        let name: String = row["name"]
        var alert = AlertRecord(
            userId: nil, productId: productId, orderId: nil, type: "stock",
            message: available == 0 ? "\(name) is sold out." : "Only \(available) of \(name) left.",
            status: "pending", createdAt: now)
        try alert.insert(db)
    }
}
