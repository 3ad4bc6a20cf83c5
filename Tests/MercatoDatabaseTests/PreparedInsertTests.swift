import Foundation
import GRDB
import Testing

@testable import MercatoDatabase

/// Checkout's rows are inserted through prepared statements whose values are listed apart from the code that
/// reads them back: each row read back must equal the record written, every column a different value, so two
/// values in the wrong order show.
@Suite struct PreparedInsertTests {
    private let placed = Date(timeIntervalSince1970: 1_800_000_000)
    private let updated = Date(timeIntervalSince1970: 1_800_000_061)
    private let expires = Date(timeIntervalSince1970: 1_800_003_600)

    /// Inserts `record` and reads it back by the rowid the insert returned (every one of these tables has one,
    /// those keyed by text included).
    private func roundTrip<Record: PreparedInsert & FetchableRecord>(_ record: Record) throws
        -> (rowID: Int64, row: Record?)
    {
        let database = try AppDatabase.inMemory()
        return try database.writer.writeWithoutTransaction { db in
            // Rows alone, without the orders, carts and products they belong to.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            let rowID = try db.insert(record)
            let row = try Record.fetchOne(
                db, sql: "SELECT * FROM \"\(Record.databaseTableName)\" WHERE rowid = ?", arguments: [rowID])
            return (rowID, row)
        }
    }

    @Test func anOrderReadsBackAsWritten() throws {
        var order = OrderRecord(
            id: nil, number: "MC-7Q4K-2M9X", userId: 11, email: "ada@example.com", status: "pending_payment",
            currency: "EUR", subtotalMinor: 1200, taxMinor: 240, shippingMinor: 495, discountMinor: 120,
            totalMinor: 1815,
            shippingAddress: #"{"city":"Lyon"}"#, shippingMethod: "express", trackingNumber: "TRK-1",
            placedAt: placed, updatedAt: updated, holdExpiresAt: expires, discountCode: "SPRING")
        let (rowID, row) = try roundTrip(order)
        order.id = rowID
        #expect(row == order)
    }

    @Test func anOrderItemReadsBackAsWritten() throws {
        var item = OrderItemRecord(
            id: nil, orderId: 7, productId: 31, productSlug: "linen-shirt", productName: "Linen shirt", quantity: 3,
            unitPriceMinor: 4599)
        let (rowID, row) = try roundTrip(item)
        item.id = rowID
        #expect(row == item)
    }

    @Test func anOrderEventReadsBackAsWritten() throws {
        var event = OrderEventRecord(
            id: nil, orderId: 7, fromStatus: "pending_payment", toStatus: "paid", actor: "shopper",
            note: "paid by card",
            occurredAt: placed)
        let (rowID, row) = try roundTrip(event)
        event.id = rowID
        #expect(row == event)
    }

    @Test func aPaymentReadsBackAsWritten() throws {
        var payment = PaymentRecord(
            id: nil, orderId: 7, amountMinor: 1815, currency: "EUR", status: "processing", method: "card",
            provider: "test",
            transactionId: "tp_51", clientSecret: "secret_1", declineCode: "card_declined",
            declineMessage: "Your card was declined.", refundedMinor: 15, createdAt: placed, updatedAt: updated)
        let (rowID, row) = try roundTrip(payment)
        payment.id = rowID
        #expect(row == payment)
    }

    @Test func aCartAndItsLineReadBackAsWritten() throws {
        let cart = CartRecord(
            token: "c7XkP2", currency: "EUR", status: "ordered", orderId: 7, createdAt: placed, updatedAt: updated,
            expiresAt: expires)
        #expect(try roundTrip(cart).row == cart)
        let line = CartLineRecord(
            cartToken: "c7XkP2", productId: 31, quantity: 2, seenPriceMinor: 4599, addedAt: placed)
        #expect(try roundTrip(line).row == line)
    }

    @Test func aTestGatewayPaymentReadsBackAsWritten() throws {
        var payment = TestGatewayPaymentRow(
            id: "tp_51", orderNumber: "MC-7Q4K-2M9X", amountMinor: 1815, currency: "eur")
        payment.status = "succeeded"
        payment.declineCode = "card_declined"
        payment.declineMessage = "Your card was declined."
        payment.refundedMinor = 15
        #expect(try roundTrip(payment).row == payment)
    }
}
