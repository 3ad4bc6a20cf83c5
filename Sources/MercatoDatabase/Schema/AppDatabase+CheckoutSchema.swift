import GRDB

extension AppDatabase {
    /// Carts, stock holds, payments as the gateways report them, idempotency keys and webhook events.
    ///
    /// A stock hold is not a table of its own: `inventory.reserved` is always the sum of the quantities of
    /// orders awaiting payment, and leaving `pending_payment` either consumes the hold (paid: on hand and
    /// reserved both drop) or releases it (cancelled: reserved drops). `order.holdExpiresAt` says when.
    static func createCheckout(_ db: Database) throws {
        try db.create(table: "cart") { t in
            t.primaryKey("token", .text)
            t.column("currency", .text).notNull().check { length($0) == 3 }
            t.column("status", .text).notNull().defaults(to: "open").check { ["open", "ordered"].contains($0) }
            t.belongsTo("order", onDelete: .setNull)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
        }
        try db.create(index: "cart_on_expiresAt", on: "cart", columns: ["expiresAt"])
        try db.create(table: "cartLine") { t in
            t.belongsTo("cart", onDelete: .cascade).notNull()
            t.belongsTo("product", onDelete: .cascade).notNull()
            t.column("quantity", .integer).notNull().check { $0 > 0 }
            t.column("seenPriceMinor", .integer).notNull().check { $0 >= 0 }
            t.column("addedAt", .datetime).notNull()
            t.primaryKey(["cartToken", "productId"])
        }
        try db.alter(table: "order") { t in
            t.add(column: "holdExpiresAt", .datetime)
            t.add(column: "discountCode", .text)
        }
        try db.create(
            index: "order_awaiting_payment_on_holdExpiresAt", on: "order", columns: ["holdExpiresAt"],
            condition: Column("status") == "pending_payment")

        // The v1 payment table allowed fewer statuses; no version wrote to it, so it is replaced.
        try db.drop(table: "payment")
        try db.create(table: "payment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("order", onDelete: .restrict).notNull()
            t.column("amountMinor", .integer).notNull().check { $0 >= 0 }
            t.column("currency", .text).notNull().check { length($0) == 3 }
            t.column("status", .text).notNull()
                .check { ["requires_payment_method", "processing", "succeeded", "cancelled", "refunded"].contains($0) }
            t.column("method", .text).notNull()
            t.column("provider", .text).notNull()
            t.column("transactionId", .text).notNull()
            t.column("clientSecret", .text)
            t.column("declineCode", .text)
            t.column("declineMessage", .text)
            t.column("refundedMinor", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.uniqueKey(["provider", "transactionId"])
            t.check(sql: "refundedMinor <= amountMinor")
        }
        // One row per refund the gateway confirmed, so recording the same refund twice counts it once.
        try db.create(table: "paymentRefund") { t in
            t.belongsTo("payment", onDelete: .cascade).notNull()
            t.column("refundId", .text).notNull().unique()
            t.column("amountMinor", .integer).notNull().check { $0 > 0 }
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "idempotencyKey") { t in
            t.column("operation", .text).notNull()
            t.column("key", .text).notNull()
            t.column("requestHash", .text).notNull()
            // NULL while the first request is still being answered.
            t.column("responseStatus", .integer)
            t.column("responseBody", .blob)
            t.column("createdAt", .datetime).notNull()
            t.primaryKey(["operation", "key"])
        }
        try db.create(index: "idempotencyKey_on_createdAt", on: "idempotencyKey", columns: ["createdAt"])
        try db.create(table: "webhookEvent") { t in
            t.column("provider", .text).notNull()
            t.column("eventId", .text).notNull()
            t.column("type", .text).notNull()
            t.column("receivedAt", .datetime).notNull()
            t.primaryKey(["provider", "eventId"])
        }
        try db.create(table: "discountCode") { t in
            t.primaryKey("code", .text).collate(.nocase)
            t.column("kind", .text).notNull().check { ["percent", "amount"].contains($0) }
            t.column("value", .integer).notNull().check { $0 > 0 }
            t.column("minimumSubtotalMinor", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("expiresAt", .datetime)
        }
        // The key that signs order-tracking links lives with the orders it signs, so a restored backup's
        // links keep working.
        try db.create(table: "secret") { t in
            t.primaryKey("name", .text)
            t.column("value", .blob).notNull()
        }
        try db.execute(sql: "INSERT INTO secret (name, value) VALUES ('orderTracking', randomblob(32))")
    }
}
