import Foundation
import GRDB
import MercatoCore

/// An order with its lines, its status history and its latest payment.
public struct OrderDetails: Sendable, Hashable {
    public var order: OrderRecord
    public var items: [OrderItemRecord]
    public var events: [OrderEventRecord]
    public var payment: PaymentRecord?

    public var status: OrderStatus { OrderStatus(rawValue: order.status) ?? .pendingPayment }
    public var number: String { order.number }
    public var totals: OrderTotals {
        OrderTotals(
            subtotalMinor: order.subtotalMinor, discountMinor: order.discountMinor, shippingMinor: order.shippingMinor,
            taxMinor: order.taxMinor, totalMinor: order.totalMinor)
    }
    public var shippingAddress: ShippingAddress? {
        try? JSONDecoder().decode(ShippingAddress.self, from: Data(order.shippingAddress.utf8))
    }
    /// Whether a shopper may still cancel: not once it has shipped.
    public var canCancel: Bool { status.canMove(to: .cancelled) }

    static func fetch(_ db: Database, number: String) throws -> OrderDetails {
        guard
            let order = try OrderRecord.fetchOne(
                db.cachedStatement(sql: #"SELECT * FROM "order" WHERE number = ?"#), arguments: [number])
        else {
            throw OrderError.notFound(number)
        }
        return try fetch(db, order: order)
    }

    /// Checkout reads an order several times a request, thousands of times a second under load: the statements
    /// are prepared once per connection (`cachedStatement`), not parsed and authorised again each time.
    static func fetch(_ db: Database, order: OrderRecord) throws -> OrderDetails {
        OrderDetails(
            order: order,
            items: try OrderItemRecord.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM orderItem WHERE orderId = ? ORDER BY id"), arguments: [order.id]),
            events: try OrderEventRecord.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM orderEvent WHERE orderId = ? ORDER BY id"), arguments: [order.id]
            ),
            payment: try latestPayment(db, orderId: order.id))
    }

    /// An order's payment is its latest.
    static func latestPayment(_ db: Database, orderId: Int64?) throws -> PaymentRecord? {
        try PaymentRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM payment WHERE orderId = ? ORDER BY id DESC LIMIT 1"),
            arguments: [orderId])
    }
}
