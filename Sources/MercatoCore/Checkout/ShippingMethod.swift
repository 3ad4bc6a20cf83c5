/// A way to send an order, with its price and the subtotal above which it is free.
public struct ShippingMethod: Codable, Hashable, Sendable {
    public var code: String
    public var name: String
    public var priceMinor: Int
    /// Orders whose discounted subtotal reaches this ship free with this method; `nil`: never free.
    public var freeFromMinor: Int?
    /// Business days, for the shopper: e.g. "3–5 business days".
    public var estimate: String

    public init(code: String, name: String, priceMinor: Int, freeFromMinor: Int? = nil, estimate: String) {
        self.code = code
        self.name = name
        self.priceMinor = priceMinor
        self.freeFromMinor = freeFromMinor
        self.estimate = estimate
    }

    /// What this method costs for an order whose discounted subtotal is `subtotalMinor`.
    public func price(forSubtotal subtotalMinor: Int) -> Int {
        if let freeFromMinor, subtotalMinor >= freeFromMinor { return 0 }
        return priceMinor
    }
}
