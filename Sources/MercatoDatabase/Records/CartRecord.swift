import Foundation
import GRDB

/// A row of `cart`: a shopper's cart, known only by its random token.
public struct CartRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "cart"
    public var token: String
    public var currency: String
    public var status: String
    public var orderId: Int64?
    public var createdAt: Date
    public var updatedAt: Date
    public var expiresAt: Date
}

/// A row of `cartLine`: a quantity of a product, and the price the shopper saw when adding it.
public struct CartLineRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "cartLine"
    public var cartToken: String
    public var productId: Int64
    public var quantity: Int
    public var seenPriceMinor: Int
    public var addedAt: Date
}

// Checkout reads and writes these rows thousands of times a second: columns by name, written by hand, instead of
// through `Codable` (GRDB's default), which took over a third of the database writer's samples under load. Dates
// are written by ``DatabaseTimestamp``.

extension CartRecord: PreparedInsert {
    public init(row: Row) throws {
        token = row["token"]
        currency = row["currency"]
        status = row["status"]
        orderId = row["orderId"]
        createdAt = row["createdAt"]
        updatedAt = row["updatedAt"]
        expiresAt = row["expiresAt"]
    }

    public static let insertColumns = ["token", "currency", "status", "orderId", "createdAt", "updatedAt", "expiresAt"]
    public static let insertSQL = insertStatement()
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [
            token, currency, status, orderId, DatabaseTimestamp(createdAt), DatabaseTimestamp(updatedAt),
            DatabaseTimestamp(expiresAt),
        ]
    }
}

extension CartLineRecord: PreparedInsert {
    public init(row: Row) throws {
        cartToken = row["cartToken"]
        productId = row["productId"]
        quantity = row["quantity"]
        seenPriceMinor = row["seenPriceMinor"]
        addedAt = row["addedAt"]
    }

    public static let insertColumns = ["cartToken", "productId", "quantity", "seenPriceMinor", "addedAt"]
    public static let insertSQL = insertStatement()
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [cartToken, productId, quantity, seenPriceMinor, DatabaseTimestamp(addedAt)]
    }
}
