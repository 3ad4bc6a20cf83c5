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

extension CartRecord {
    public init(row: Row) throws {
        token = row["token"]
        currency = row["currency"]
        status = row["status"]
        orderId = row["orderId"]
        createdAt = row["createdAt"]
        updatedAt = row["updatedAt"]
        expiresAt = row["expiresAt"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["token"] = token
        container["currency"] = currency
        container["status"] = status
        container["orderId"] = orderId
        container["createdAt"] = DatabaseTimestamp(createdAt)
        container["updatedAt"] = DatabaseTimestamp(updatedAt)
        container["expiresAt"] = DatabaseTimestamp(expiresAt)
    }
}

extension CartLineRecord {
    public init(row: Row) throws {
        cartToken = row["cartToken"]
        productId = row["productId"]
        quantity = row["quantity"]
        seenPriceMinor = row["seenPriceMinor"]
        addedAt = row["addedAt"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["cartToken"] = cartToken
        container["productId"] = productId
        container["quantity"] = quantity
        container["seenPriceMinor"] = seenPriceMinor
        container["addedAt"] = DatabaseTimestamp(addedAt)
    }
}
