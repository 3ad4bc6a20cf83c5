import Foundation
import GRDB
import MercatoCore

/// A cart as the server shows it: every line priced from the catalog now, beside the price the shopper saw.
public struct PricedCart: Sendable, Hashable {
    public var token: String
    public var status: String
    public var orderNumber: String?
    public var currency: String
    public var expiresAt: Date
    public var lines: [PricedCartLine]

    public var itemCount: Int { lines.reduce(0) { $0 + $1.quantity } }
    public var subtotalMinor: Int { lines.reduce(0) { $0 + $1.lineTotalMinor } }
    public var priceChanges: [PriceChange] {
        lines.filter(\.priceChanged).map {
            PriceChange(slug: $0.slug, name: $0.name, seenPriceMinor: $0.seenPriceMinor, unitPriceMinor: $0.unitPriceMinor)
        }
    }
    public var hasStockProblems: Bool { lines.contains(where: \.hasStockProblem) }
}

public struct PricedCartLine: Sendable, Hashable, FetchableRecord {
    public var productId: Int64
    public var slug: String
    public var name: String
    public var imagePath: String?
    public var quantity: Int
    public var unitPriceMinor: Int
    public var seenPriceMinor: Int
    public var productStatus: String
    public var onHand: Int
    public var reserved: Int
    public var lowStockThreshold: Int

    public var isSold: Bool { productStatus == ProductStatus.active.rawValue }
    public var available: Int { isSold ? max(0, onHand - reserved) : 0 }
    public var stock: StockLevel { StockLevel(onHand: onHand, reserved: reserved, lowStockThreshold: lowStockThreshold) }
    public var priceChanged: Bool { unitPriceMinor != seenPriceMinor }
    public var lineTotalMinor: Int { unitPriceMinor * quantity }
    public var hasStockProblem: Bool { !isSold || available < quantity }

    static let sql = """
        SELECT l.productId, p.slug, p.name, p.imagePath, l.quantity, p.priceMinor AS unitPriceMinor,
               l.seenPriceMinor, p.status AS productStatus, COALESCE(i.onHand, 0) AS onHand,
               COALESCE(i.reserved, 0) AS reserved, COALESCE(i.lowStockThreshold, 0) AS lowStockThreshold
        FROM cartLine l JOIN product p ON p.id = l.productId LEFT JOIN inventory i ON i.productId = l.productId
        WHERE l.cartToken = ? ORDER BY l.addedAt, l.productId
        """

    /// A row of ``sql``, by position: every cart request reads its lines.
    public init(row: Row) {
        productId = row[0]
        slug = row[1]
        name = row[2]
        imagePath = row[3]
        quantity = row[4]
        unitPriceMinor = row[5]
        seenPriceMinor = row[6]
        productStatus = row[7]
        onHand = row[8]
        reserved = row[9]
        lowStockThreshold = row[10]
    }
}
