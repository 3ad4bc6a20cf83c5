/// What a shopper is told about availability, derived from stock on hand, reservations and the low-stock threshold.
public enum StockLevel: Hashable, Sendable, Codable {
    case inStock(available: Int)
    case lowStock(available: Int)
    case outOfStock

    public init(onHand: Int, reserved: Int, lowStockThreshold: Int) {
        let available = max(0, onHand - reserved)
        if available == 0 {
            self = .outOfStock
        } else if available <= lowStockThreshold {
            self = .lowStock(available: available)
        } else {
            self = .inStock(available: available)
        }
    }

    public var isAvailable: Bool { self != .outOfStock }

    /// The schema.org availability URL for JSON-LD offers.
    public var schemaOrgAvailability: String {
        isAvailable ? "https://schema.org/InStock" : "https://schema.org/OutOfStock"
    }
}
