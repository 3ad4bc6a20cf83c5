import Foundation
import GRDB

/// A row of `product`. Long-form text lives in `Content/products/<slug>.md`, not here.
public struct ProductRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "product"
    public var id: Int64?
    public var slug: String
    public var sku: String?
    public var name: String
    public var brand: String?
    public var categoryId: Int64
    public var vendorId: Int64?
    public var priceMinor: Int
    public var compareAtMinor: Int?
    public var currency: String
    public var status: String
    public var featured: Bool
    public var imagePath: String?
    /// Comma-separated tags.
    public var tags: String
    /// Specifications as a JSON object of strings.
    public var attributes: [String: String]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64? = nil, slug: String, sku: String? = nil, name: String, brand: String? = nil, categoryId: Int64,
        vendorId: Int64? = nil, priceMinor: Int, compareAtMinor: Int? = nil, currency: String, status: String = "active",
        featured: Bool = false, imagePath: String? = nil, tags: String = "", attributes: [String: String] = [:],
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.slug = slug
        self.sku = sku
        self.name = name
        self.brand = brand
        self.categoryId = categoryId
        self.vendorId = vendorId
        self.priceMinor = priceMinor
        self.compareAtMinor = compareAtMinor
        self.currency = currency
        self.status = status
        self.featured = featured
        self.imagePath = imagePath
        self.tags = tags
        self.attributes = attributes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Decodes columns directly: a build reads every product.
    public init(row: Row) throws {
        id = row["id"]
        slug = row["slug"]
        sku = row["sku"]
        name = row["name"]
        brand = row["brand"]
        categoryId = row["categoryId"]
        vendorId = row["vendorId"]
        priceMinor = row["priceMinor"]
        compareAtMinor = row["compareAtMinor"]
        currency = row["currency"]
        status = row["status"]
        featured = row["featured"]
        imagePath = row["imagePath"]
        tags = row["tags"]
        let json: String = row["attributes"] ?? "{}"
        attributes = json == "{}" ? [:] : try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        createdAt = row["createdAt"]
        updatedAt = row["updatedAt"]
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var tagList: [String] { tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
}
