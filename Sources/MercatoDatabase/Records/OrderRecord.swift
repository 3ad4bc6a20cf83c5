import Foundation
import GRDB

/// A row of `order`. Totals are integer minor units computed by the server, never sent by a browser.
public struct OrderRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "order"
    public var id: Int64?
    public var number: String
    public var userId: Int64?
    public var email: String
    public var status: String
    public var currency: String
    public var subtotalMinor: Int
    public var taxMinor: Int
    public var shippingMinor: Int
    public var discountMinor: Int
    public var totalMinor: Int
    public var shippingAddress: String
    public var shippingMethod: String
    public var trackingNumber: String?
    public var placedAt: Date
    public var updatedAt: Date
    /// While awaiting payment: when the stock hold ends and the order is cancelled.
    public var holdExpiresAt: Date?
    public var discountCode: String?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `orderItem`: the product's name and price as they were when ordered.
public struct OrderItemRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "orderItem"
    public var id: Int64?
    public var orderId: Int64
    public var productId: Int64?
    public var productSlug: String
    public var productName: String
    public var quantity: Int
    public var unitPriceMinor: Int

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `payment`.
public struct PaymentRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "payment"
    public var id: Int64?
    public var orderId: Int64
    public var amountMinor: Int
    public var currency: String
    public var status: String
    public var method: String
    public var provider: String
    public var transactionId: String
    public var clientSecret: String?
    public var declineCode: String?
    public var declineMessage: String?
    public var refundedMinor: Int
    public var createdAt: Date
    public var updatedAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `alert`: low stock, order status or promotion, waiting to be sent.
public struct AlertRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord, TimestampedRecord {
    public static let databaseTableName = "alert"
    public var id: Int64?
    public var userId: Int64?
    public var productId: Int64?
    public var orderId: Int64?
    public var type: String
    public var message: String
    public var status: String
    public var createdAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `orderEvent`: one status transition, with when and who.
public struct OrderEventRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "orderEvent"
    public var id: Int64?
    public var orderId: Int64
    public var fromStatus: String?
    public var toStatus: String
    public var actor: String
    public var note: String?
    public var occurredAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension OrderRecord: PreparedInsert {
    /// The order with this id, through a statement prepared once per connection.
    static func fetch(_ db: Database, id: Int64) throws -> OrderRecord? {
        try fetchOne(db.cachedStatement(sql: #"SELECT * FROM "order" WHERE id = ?"#), arguments: [id])
    }
}

// Checkout reads and writes these rows thousands of times a second: columns by name, written by hand, instead of
// through `Codable` (GRDB's default), which took over a third of the database writer's samples under load. Dates
// are written by ``DatabaseTimestamp``.

extension OrderRecord {
    public init(row: Row) throws {
        id = row["id"]
        number = row["number"]
        userId = row["userId"]
        email = row["email"]
        status = row["status"]
        currency = row["currency"]
        subtotalMinor = row["subtotalMinor"]
        taxMinor = row["taxMinor"]
        shippingMinor = row["shippingMinor"]
        discountMinor = row["discountMinor"]
        totalMinor = row["totalMinor"]
        shippingAddress = row["shippingAddress"]
        shippingMethod = row["shippingMethod"]
        trackingNumber = row["trackingNumber"]
        placedAt = row["placedAt"]
        updatedAt = row["updatedAt"]
        holdExpiresAt = row["holdExpiresAt"]
        discountCode = row["discountCode"]
    }

    public static let insertColumns = [
        "id", "number", "userId", "email", "status", "currency", "subtotalMinor", "taxMinor", "shippingMinor",
        "discountMinor", "totalMinor", "shippingAddress", "shippingMethod", "trackingNumber", "placedAt", "updatedAt",
        "holdExpiresAt", "discountCode",
    ]
    public static let insertSQL = insertStatement()
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [
            id, number, userId, email, status, currency, subtotalMinor, taxMinor, shippingMinor, discountMinor,
            totalMinor, shippingAddress, shippingMethod, trackingNumber, DatabaseTimestamp(placedAt),
            DatabaseTimestamp(updatedAt), holdExpiresAt.map(DatabaseTimestamp.init), discountCode,
        ]
    }
}

extension OrderItemRecord: PreparedInsert {
    public init(row: Row) throws {
        id = row["id"]
        orderId = row["orderId"]
        productId = row["productId"]
        productSlug = row["productSlug"]
        productName = row["productName"]
        quantity = row["quantity"]
        unitPriceMinor = row["unitPriceMinor"]
    }

    public static let insertColumns = [
        "id", "orderId", "productId", "productSlug", "productName", "quantity", "unitPriceMinor",
    ]
    public static let insertSQL = insertStatement()
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [id, orderId, productId, productSlug, productName, quantity, unitPriceMinor]
    }
}

extension PaymentRecord: PreparedInsert {
    public init(row: Row) throws {
        id = row["id"]
        orderId = row["orderId"]
        amountMinor = row["amountMinor"]
        currency = row["currency"]
        status = row["status"]
        method = row["method"]
        provider = row["provider"]
        transactionId = row["transactionId"]
        clientSecret = row["clientSecret"]
        declineCode = row["declineCode"]
        declineMessage = row["declineMessage"]
        refundedMinor = row["refundedMinor"]
        createdAt = row["createdAt"]
        updatedAt = row["updatedAt"]
    }

    public static let insertColumns = [
        "id", "orderId", "amountMinor", "currency", "status", "method", "provider", "transactionId", "clientSecret",
        "declineCode", "declineMessage", "refundedMinor", "createdAt", "updatedAt",
    ]
    public static let insertSQL = insertStatement()
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [
            id, orderId, amountMinor, currency, status, method, provider, transactionId, clientSecret, declineCode,
            declineMessage, refundedMinor, DatabaseTimestamp(createdAt), DatabaseTimestamp(updatedAt),
        ]
    }
}

extension OrderEventRecord: PreparedInsert {
    public init(row: Row) throws {
        id = row["id"]
        orderId = row["orderId"]
        fromStatus = row["fromStatus"]
        toStatus = row["toStatus"]
        actor = row["actor"]
        note = row["note"]
        occurredAt = row["occurredAt"]
    }

    public static let insertColumns = ["id", "orderId", "fromStatus", "toStatus", "actor", "note", "occurredAt"]
    public static let insertSQL = insertStatement()
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [id, orderId, fromStatus, toStatus, actor, note, DatabaseTimestamp(occurredAt)]
    }
}
