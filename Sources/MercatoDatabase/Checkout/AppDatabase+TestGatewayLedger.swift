import Foundation
import GRDB

/// A payment as the built-in test gateway keeps it, in the shop's database like a provider's own records,
/// so the CLI can refund what the server charged.
public struct TestGatewayPaymentRow: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "testGatewayPayment"
    public var id: String
    public var orderNumber: String
    public var amountMinor: Int
    public var currency: String
    /// `requires_payment_method`, `processing` or `succeeded`.
    public var status: String
    public var declineCode: String?
    public var declineMessage: String?
    public var refundedMinor: Int

    public init(id: String, orderNumber: String, amountMinor: Int, currency: String) {
        self.id = id
        self.orderNumber = orderNumber
        self.amountMinor = amountMinor
        self.currency = currency
        status = "requires_payment_method"
        refundedMinor = 0
    }
}

// Checkout reads and writes these rows thousands of times a second: columns by name, written by hand, instead of
// through `Codable` (GRDB's default), which took over a third of the database writer's samples under load. Dates
// are written by ``DatabaseTimestamp``.
extension TestGatewayPaymentRow: PreparedInsert {
    public init(row: Row) throws {
        id = row["id"]
        orderNumber = row["orderNumber"]
        amountMinor = row["amountMinor"]
        currency = row["currency"]
        status = row["status"]
        declineCode = row["declineCode"]
        declineMessage = row["declineMessage"]
        refundedMinor = row["refundedMinor"]
    }

    public static let insertColumns = [
        "id", "orderNumber", "amountMinor", "currency", "status", "declineCode", "declineMessage", "refundedMinor",
    ]
    public static let insertSQL = insertStatement()
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [id, orderNumber, amountMinor, currency, status, declineCode, declineMessage, refundedMinor]
    }
}

extension AppDatabase {
    static func createTestGatewayLedger(_ db: Database) throws {
        try db.create(table: "testGatewayPayment") { t in
            t.primaryKey("id", .text)
            t.column("orderNumber", .text).notNull()
            t.column("amountMinor", .integer).notNull()
            t.column("currency", .text).notNull()
            t.column("status", .text).notNull()
            t.column("declineCode", .text)
            t.column("declineMessage", .text)
            t.column("refundedMinor", .integer).notNull().defaults(to: 0)
        }
        // What each idempotency key answered: a payment id, or a refund id and amount.
        try db.create(table: "testGatewayReply") { t in
            t.primaryKey("key", .text)
            t.column("paymentId", .text).notNull()
            t.column("refundId", .text)
            t.column("amountMinor", .integer)
        }
    }
}

extension TestGatewayPaymentRow {
    /// The payment with this id, through a statement prepared once per connection.
    public static func fetch(_ db: Database, id: String) throws -> TestGatewayPaymentRow? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM testGatewayPayment WHERE id = ?"), arguments: [id])
    }

    /// Writes what a confirmation or a refund changes, through a statement prepared once per connection (GRDB's
    /// `update(_:)` builds its statement from every column of the record on each call).
    public func updateState(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE testGatewayPayment SET status = ?, declineCode = ?, declineMessage = ?, refundedMinor = ?
                WHERE id = ?
                """
        ).execute(arguments: [status, declineCode, declineMessage, refundedMinor, id])
    }
}
