/// How the server prices an order: shipping methods, tax, the countries it ships to. All amounts are minor units.
public struct PricingPolicy: Sendable, Hashable {
    public var shippingMethods: [ShippingMethod]
    /// Tax on the discounted subtotal plus shipping, in basis points (825 = 8.25 %), rounded half up.
    public var taxRateBasisPoints: Int
    public var shipsTo: Set<String>

    public init(shippingMethods: [ShippingMethod], taxRateBasisPoints: Int, shipsTo: Set<String>) {
        self.shippingMethods = shippingMethods
        self.taxRateBasisPoints = taxRateBasisPoints
        self.shipsTo = shipsTo
    }

    /// The demo shop's policy: standard (free from 50.00), express, 8 % tax, a handful of countries.
    public static let standard = PricingPolicy(
        shippingMethods: [
            ShippingMethod(
                code: "standard", name: "Standard", priceMinor: 495, freeFromMinor: 5000, estimate: "3–5 business days"),
            ShippingMethod(code: "express", name: "Express", priceMinor: 1495, estimate: "1–2 business days"),
        ],
        taxRateBasisPoints: 800, shipsTo: ["US", "CA", "GB", "DE", "FR", "NL", "ES", "IT"])

    public func shippingMethod(_ code: String) throws(CheckoutError) -> ShippingMethod {
        guard let method = shippingMethods.first(where: { $0.code == code }) else {
            throw .unknownShippingMethod(code, known: shippingMethods.map(\.code))
        }
        return method
    }

    /// The order's totals from its lines' unit prices, the chosen method and an optional discount.
    public func totals(lines: [(unitPriceMinor: Int, quantity: Int)], method: ShippingMethod, discount: Discount?)
        throws(CheckoutError) -> OrderTotals
    {
        let subtotal = lines.reduce(0) { $0 + $1.unitPriceMinor * $1.quantity }
        let discountMinor = try discount?.amount(onSubtotal: subtotal) ?? 0
        let shipping = method.price(forSubtotal: subtotal - discountMinor)
        let taxable = subtotal - discountMinor + shipping
        let tax = (taxable * taxRateBasisPoints + 5_000) / 10_000
        return OrderTotals(
            subtotalMinor: subtotal, discountMinor: discountMinor, shippingMinor: shipping, taxMinor: tax,
            totalMinor: taxable + tax)
    }
}

/// An order's money, computed by ``PricingPolicy``; `total = subtotal − discount + shipping + tax`.
public struct OrderTotals: Codable, Hashable, Sendable {
    public var subtotalMinor: Int
    public var discountMinor: Int
    public var shippingMinor: Int
    public var taxMinor: Int
    public var totalMinor: Int

    public init(subtotalMinor: Int, discountMinor: Int, shippingMinor: Int, taxMinor: Int, totalMinor: Int) {
        self.subtotalMinor = subtotalMinor
        self.discountMinor = discountMinor
        self.shippingMinor = shippingMinor
        self.taxMinor = taxMinor
        self.totalMinor = totalMinor
    }
}

/// A discount code: a percentage or a fixed amount off the subtotal, above an optional minimum.
public struct Discount: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable { case percent, amount }
    public var code: String
    public var kind: Kind
    /// Percent (1–100) or minor units, depending on `kind`.
    public var value: Int
    public var minimumSubtotalMinor: Int

    public init(code: String, kind: Kind, value: Int, minimumSubtotalMinor: Int = 0) {
        self.code = code
        self.kind = kind
        self.value = value
        self.minimumSubtotalMinor = minimumSubtotalMinor
    }

    /// The amount taken off, never more than the subtotal; percentages round down (the shop keeps the fraction).
    public func amount(onSubtotal subtotal: Int) throws(CheckoutError) -> Int {
        guard subtotal >= minimumSubtotalMinor else {
            throw .discountNotApplicable(code: code, reason: "the subtotal is below the minimum for this code")
        }
        switch kind {
        case .percent: return subtotal * min(max(value, 0), 100) / 100
        case .amount: return min(max(value, 0), subtotal)
        }
    }
}
