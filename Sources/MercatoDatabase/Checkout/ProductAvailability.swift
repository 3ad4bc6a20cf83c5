import Foundation
import GRDB
import MercatoCore

/// A product's live price and stock, for static pages to refresh what they were built with.
public struct ProductAvailability: Sendable, Hashable, FetchableRecord, Decodable {
    public var slug: String
    public var name: String
    public var priceMinor: Int
    public var currency: String
    public var onHand: Int
    public var reserved: Int
    public var lowStockThreshold: Int

    public var stock: StockLevel {
        StockLevel(onHand: onHand, reserved: reserved, lowStockThreshold: lowStockThreshold)
    }
    public var available: Int { max(0, onHand - reserved) }
}

extension AppDatabase {
    /// Reads the asked slugs first and finds each through the slug index. Written as `slug IN (…)`, SQLite chose
    /// the status index instead and walked every active product for each lookup.
    static let availabilitySQL = """
        SELECT p.slug, p.name, p.priceMinor, p.currency, COALESCE(i.onHand, 0) AS onHand,
               COALESCE(i.reserved, 0) AS reserved, COALESCE(i.lowStockThreshold, 0) AS lowStockThreshold
        FROM json_each(?) AS asked
        CROSS JOIN product p ON p.slug = asked.value
        LEFT JOIN inventory i ON i.productId = p.id
        WHERE p.status = 'active'
        """

    /// Active products among `slugs`, in the order asked; unknown slugs are left out.
    public func availability(slugs: [String]) async throws -> [ProductAvailability] {
        let list = String(decoding: try JSONEncoder().encode(slugs), as: UTF8.self)
        return try await read { db in
            let found = try ProductAvailability.fetchAll(
                db.cachedStatement(sql: Self.availabilitySQL), arguments: [list])
            let bySlug = Dictionary(found.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
            return slugs.compactMap { bySlug[$0] }
        }
    }
}
