/// Limits every cart keeps, so one request cannot ask for absurd amounts.
public struct CartRules: Sendable, Hashable {
    /// Quantities a line may hold.
    public var quantities: ClosedRange<Int>
    /// Different products one cart may hold.
    public var maximumLines: Int
    /// How long an untouched cart lives, in seconds.
    public var lifetime: Double

    public init(quantities: ClosedRange<Int> = 1...99, maximumLines: Int = 50, lifetime: Double = 30 * 24 * 3600) {
        self.quantities = quantities
        self.maximumLines = maximumLines
        self.lifetime = lifetime
    }

    public func check(quantity: Int) throws(CheckoutError) {
        guard quantities.contains(quantity) else { throw .quantityOutOfRange(quantity: quantity, allowed: quantities) }
    }
}
