import Foundation
import GRDB

/// A row of `product`. Long-form text lives in `Content/products/<slug>.md`, not here.
public struct ProductRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord, TimestampedRecord {
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
        attributes = try Self.decodeAttributes(row["attributes"] ?? "{}")
        createdAt = row["createdAt"]
        updatedAt = row["updatedAt"]
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The `attributes` column: a JSON object of strings. The common shape (no escapes) is read directly;
    /// anything else goes through `JSONDecoder`.
    public static func decodeAttributes(_ json: String) throws -> [String: String] {
        if json == "{}" { return [:] }
        if let simple = simpleStringObject(json) { return simple }
        return try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
    }

    /// `{"a":"b","c":"d"}` without backslashes → dictionary; `nil` for anything else.
    private static func simpleStringObject(_ json: String) -> [String: String]? {
        let bytes = Array(json.utf8)
        guard !bytes.contains(UInt8(ascii: "\\")), bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else {
            return nil
        }
        var result: [String: String] = [:]
        var index = 1
        func skipSpaces() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 || bytes[index] == 0x0D {
                index += 1
            }
        }
        func string() -> String? {
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index + 1
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            index = end + 1
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        skipSpaces()
        if bytes[index] == UInt8(ascii: "}") { return index == bytes.count - 1 ? [:] : nil }
        while true {
            guard let key = string() else { return nil }
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            guard let value = string() else { return nil }
            result[key] = value
            skipSpaces()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}"), index == bytes.count - 1 else { return nil }
            return result
        }
    }

    public var tagList: [String] {
        guard !tags.isEmpty else { return [] }
        return tags.utf8.split(separator: UInt8(ascii: ",")).map { tag in
            let start = tag.firstIndex { $0 != UInt8(ascii: " ") } ?? tag.endIndex
            let end = tag.lastIndex { $0 != UInt8(ascii: " ") }.map(tag.index(after:)) ?? start
            return String(Substring(tag[start..<end]))
        }
    }
}
