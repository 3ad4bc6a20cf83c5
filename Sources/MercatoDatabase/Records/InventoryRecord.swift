import Foundation
import GRDB

/// A row of `inventory`: stock on hand and units held by checkouts in progress.
public struct InventoryRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord, TimestampedRecord {
    public static let databaseTableName = "inventory"
    public var id: Int64?
    public var productId: Int64
    public var onHand: Int
    public var reserved: Int
    public var lowStockThreshold: Int
    public var updatedAt: Date

    public init(id: Int64? = nil, productId: Int64, onHand: Int, reserved: Int = 0, lowStockThreshold: Int = 5, updatedAt: Date) {
        self.id = id
        self.productId = productId
        self.onHand = onHand
        self.reserved = reserved
        self.lowStockThreshold = lowStockThreshold
        self.updatedAt = updatedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
