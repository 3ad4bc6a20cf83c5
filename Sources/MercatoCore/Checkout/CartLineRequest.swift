/// A product a shopper asks to put in a cart: the body of "add to cart", and of "start a cart" with its first line.
public struct CartLineRequest: Sendable, Hashable, Decodable {
    public var slug: String
    public var quantity: Int
    /// The price on the page the shopper added it from; without it, the current price.
    public var seenPriceMinor: Int?

    public init(slug: String, quantity: Int, seenPriceMinor: Int? = nil) {
        self.slug = slug
        self.quantity = quantity
        self.seenPriceMinor = seenPriceMinor
    }
}
