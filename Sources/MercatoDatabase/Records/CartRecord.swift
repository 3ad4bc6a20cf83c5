import Foundation
import GRDB

/// A row of `cart`: a shopper's cart, known only by its random token.
public struct CartRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord, TimestampedRecord {
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
public struct CartLineRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord, TimestampedRecord {
    public static let databaseTableName = "cartLine"
    public var cartToken: String
    public var productId: Int64
    public var quantity: Int
    public var seenPriceMinor: Int
    public var addedAt: Date
}
