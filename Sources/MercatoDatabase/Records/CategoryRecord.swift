import Foundation
import GRDB

/// A row of `category`.
public struct CategoryRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord, TimestampedRecord {
    public static let databaseTableName = "category"
    public var id: Int64?
    public var slug: String
    public var name: String
    public var parentId: Int64?
    public var position: Int
    public var updatedAt: Date

    public init(id: Int64? = nil, slug: String, name: String, parentId: Int64? = nil, position: Int = 0, updatedAt: Date) {
        self.id = id
        self.slug = slug
        self.name = name
        self.parentId = parentId
        self.position = position
        self.updatedAt = updatedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
