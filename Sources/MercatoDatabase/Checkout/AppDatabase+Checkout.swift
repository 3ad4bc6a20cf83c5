import Foundation
import GRDB
import MercatoCore

/// What the shopper sent at checkout, already validated, plus the order number to use.
public struct OrderPlacement: Sendable {
    public var cartToken: String
    public var email: String
    public var address: ShippingAddress
    public var shippingMethod: ShippingMethod
    public var discountCode: String?
    public var orderNumber: String
    /// How long the stock stays held for payment, in seconds.
    public var holdDuration: TimeInterval
    public var actor: String

    public init(
        cartToken: String, email: String, address: ShippingAddress, shippingMethod: ShippingMethod,
        discountCode: String?, orderNumber: String, holdDuration: TimeInterval, actor: String
    ) {
        self.cartToken = cartToken
        self.email = email
        self.address = address
        self.shippingMethod = shippingMethod
        self.discountCode = discountCode
        self.orderNumber = orderNumber
        self.holdDuration = holdDuration
        self.actor = actor
    }
}

/// Another order already has the number a placement brought (two numbers drawn in the same second met: 40 random
/// bits each). Nothing was written; place the order again with a new number.
public struct OrderNumberTaken: Error, Sendable {
    public var number: String
}

extension AppDatabase {
    /// Turns an open cart into an order awaiting payment and holds its stock: in one transaction, every line
    /// is reserved with a conditional update, and if any line cannot be, nothing is written. With a `claim`, the
    /// request's `Idempotency-Key` is claimed first in the same transaction (``IdempotencyKeyTaken`` if it is
    /// taken, and nothing is written).
    public func placeOrder(_ placement: OrderPlacement, policy: PricingPolicy, claim: IdempotencyClaim? = nil)
        async throws -> OrderDetails
    {
        // Encoded before the write: the one writer should spend its time writing.
        let shippingAddress = String(decoding: try JSONEncoder().encode(placement.address), as: UTF8.self)
        let details = try await write { db in
            let now = clock.now()
            try claim?.claim(db, now: now)
            var cart = try openCart(db, token: placement.cartToken, now: now)
            let priced = try pricedCart(db, cart: cart)
            let lines = priced.lines
            guard !lines.isEmpty else { throw CheckoutError.emptyCart }
            if let unsold = lines.first(where: { !$0.isSold }) {
                throw CheckoutError.productUnavailable(slug: unsold.slug)
            }
            guard priced.priceChanges.isEmpty else { throw CheckoutError.pricesChanged(lines: priced.priceChanges) }
            let discount = try placement.discountCode.map { try activeDiscount(db, code: $0, now: now) }
            let totals = try policy.totals(
                lines: lines.map { ($0.unitPriceMinor, $0.quantity) }, method: placement.shippingMethod,
                discount: discount)

            var shortages: [StockShortage] = []
            for line in lines {
                try db.cachedStatement(
                    sql: """
                        UPDATE inventory SET reserved = reserved + ?, updatedAt = ?
                        WHERE productId = ? AND onHand - reserved >= ?
                        """
                ).execute(arguments: [line.quantity, DatabaseTimestamp(now), line.productId, line.quantity])
                if db.changesCount == 0 {
                    let available =
                        try Int.fetchOne(
                            db.cachedStatement(
                                sql: "SELECT MAX(0, onHand - reserved) FROM inventory WHERE productId = ?"),
                            arguments: [line.productId]) ?? 0
                    shortages.append(
                        StockShortage(slug: line.slug, name: line.name, requested: line.quantity, available: available))
                }
            }
            // Throwing rolls the whole transaction back, the holds already taken included.
            guard shortages.isEmpty else { throw CheckoutError.outOfStock(lines: shortages) }

            var order = OrderRecord(
                number: placement.orderNumber, userId: nil, email: placement.email,
                status: OrderStatus.pendingPayment.rawValue, currency: cart.currency,
                subtotalMinor: totals.subtotalMinor, taxMinor: totals.taxMinor, shippingMinor: totals.shippingMinor,
                discountMinor: totals.discountMinor, totalMinor: totals.totalMinor,
                shippingAddress: shippingAddress,
                shippingMethod: placement.shippingMethod.code, trackingNumber: nil, placedAt: now, updatedAt: now,
                holdExpiresAt: now.addingTimeInterval(placement.holdDuration), discountCode: discount?.code)
            do {
                order.id = try db.insert(order)
            } catch let error as DatabaseError
                where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
                && error.message?.contains("order.number") == true
            {
                throw OrderNumberTaken(number: order.number)
            }
            var items: [OrderItemRecord] = []
            for line in lines {
                var item = OrderItemRecord(
                    orderId: order.id!, productId: line.productId, productSlug: line.slug, productName: line.name,
                    quantity: line.quantity, unitPriceMinor: line.unitPriceMinor)
                item.id = try db.insert(item)
                items.append(item)
            }
            var event = OrderEventRecord(
                orderId: order.id!, fromStatus: nil, toStatus: order.status, actor: placement.actor,
                note: "order placed; stock held", occurredAt: now)
            event.id = try db.insert(event)
            cart.status = "ordered"
            cart.orderId = order.id
            cart.updatedAt = now
            try db.cachedStatement(sql: "UPDATE cart SET status = ?, orderId = ?, updatedAt = ? WHERE token = ?")
                .execute(arguments: [cart.status, cart.orderId, DatabaseTimestamp(now), cart.token])
            try audit(db, actor: placement.actor, action: "order.place", entity: "order", key: order.number)
            // Everything the answer shows was just written: no need to read it back inside the write.
            return OrderDetails(order: order, items: items, events: [event], payment: nil)
        }
        claim?.markCommitted()
        return details
    }

    public func orderDetails(number: String) async throws -> OrderDetails {
        try await read { db in try OrderDetails.fetch(db, number: number) }
    }

    /// Adds or replaces a discount code (the demo shop and the CLI use this).
    public func saveDiscount(_ discount: Discount, expiresAt: Date? = nil) throws {
        try writer.write { db in
            try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO discountCode (code, kind, value, minimumSubtotalMinor, expiresAt)
                    VALUES (?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                discount.code, discount.kind.rawValue, discount.value, discount.minimumSubtotalMinor, expiresAt,
            ])
        }
    }

    private func activeDiscount(_ db: Database, code: String, now: Date) throws -> Discount {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT code, kind, value, minimumSubtotalMinor FROM discountCode
                    WHERE code = ? AND (expiresAt IS NULL OR expiresAt > ?)
                    """), arguments: [code.trimmingWhitespace(), DatabaseTimestamp(now)])
        guard let row, let kind = Discount.Kind(rawValue: row["kind"]) else {
            throw CheckoutError.unknownDiscountCode(code)
        }
        return Discount(
            code: row["code"], kind: kind, value: row["value"], minimumSubtotalMinor: row["minimumSubtotalMinor"])
    }
}
