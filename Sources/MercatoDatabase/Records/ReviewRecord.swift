import Foundation
import GRDB

/// A row of `review`.
public struct ReviewRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord, TimestampedRecord {
    public static let databaseTableName = "review"
    public var id: Int64?
    public var productId: Int64
    public var userId: Int64?
    public var authorName: String
    public var rating: Int
    public var title: String
    public var body: String
    public var helpfulCount: Int
    public var verifiedPurchase: Bool
    public var status: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64? = nil, productId: Int64, userId: Int64? = nil, authorName: String, rating: Int, title: String,
        body: String, helpfulCount: Int = 0, verifiedPurchase: Bool = false, status: String = "published",
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.productId = productId
        self.userId = userId
        self.authorName = authorName
        self.rating = rating
        self.title = title
        self.body = body
        self.helpfulCount = helpfulCount
        self.verifiedPurchase = verifiedPurchase
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The columns in the order ``init(selectedRow:)`` reads them.
    static let selection =
        "id, productId, userId, authorName, rating, title, body, helpfulCount, verifiedPurchase, status, createdAt, updatedAt"

    /// Decodes a row of `SELECT \(selection)` by position, without looking up a column name: builds read
    /// reviews by the hundred thousand.
    init(selectedRow row: Row) {
        id = row[0]
        productId = row[1]
        userId = row[2]
        authorName = row[3]
        rating = row[4]
        title = row[5]
        body = row[6]
        helpfulCount = row[7]
        verifiedPurchase = row[8]
        status = row[9]
        createdAt = row[10]
        updatedAt = row[11]
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
