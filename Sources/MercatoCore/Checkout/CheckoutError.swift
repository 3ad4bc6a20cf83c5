/// Why a cart or checkout request was refused. Each case carries what the shopper needs to fix it.
public enum CheckoutError: Error, Equatable, Sendable {
    case unknownProduct(slug: String)
    case productUnavailable(slug: String)
    case quantityOutOfRange(quantity: Int, allowed: ClosedRange<Int>)
    case tooManyLines(limit: Int)
    case notInCart(slug: String)
    case pricesChanged(lines: [PriceChange])
    case cartNotFound
    case cartExpired
    case cartAlreadyOrdered(orderNumber: String)
    case emptyCart
    case outOfStock(lines: [StockShortage])
    case invalidEmail(String)
    case invalidAddress(field: String, reason: String)
    case unknownShippingMethod(String, known: [String])
    case unknownDiscountCode(String)
    case discountNotApplicable(code: String, reason: String)
    case currencyMismatch(slug: String, currency: String, cartCurrency: String)

    /// A sentence a shopper can act on.
    public var message: String {
        switch self {
        case .unknownProduct(let slug): "There is no product '\(slug)'."
        case .productUnavailable(let slug): "'\(slug)' is no longer sold."
        case .quantityOutOfRange(let quantity, let allowed):
            "Quantity \(quantity) is not allowed; choose from \(allowed.lowerBound) to \(allowed.upperBound)."
        case .tooManyLines(let limit): "A cart holds at most \(limit) different products."
        case .notInCart(let slug): "'\(slug)' is not in the cart."
        case .pricesChanged(let lines):
            "Prices changed since you added "
                + lines.map { "'\($0.name)'" }.joined(separator: ", ")
                + "; review the new prices in your cart, then check out again."
        case .cartNotFound: "This cart does not exist; start a new one."
        case .cartExpired: "This cart has expired; start a new one."
        case .cartAlreadyOrdered(let number): "This cart was already checked out as order \(number)."
        case .emptyCart: "The cart is empty."
        case .outOfStock(let lines):
            lines.map { line in
                line.available == 0
                    ? "'\(line.name)' is out of stock."
                    : "Only \(line.available) of '\(line.name)' left; you asked for \(line.requested)."
            }.joined(separator: " ")
        case .invalidEmail(let email): "'\(email)' is not an email address we can send a receipt to."
        case .invalidAddress(let field, let reason): "Address \(field): \(reason)."
        case .unknownShippingMethod(let method, let known):
            "There is no shipping method '\(method)'; choose one of \(known.joined(separator: ", "))."
        case .unknownDiscountCode(let code): "The discount code '\(code)' does not exist or has ended."
        case .discountNotApplicable(let code, let reason): "The discount code '\(code)' does not apply: \(reason)."
        case .currencyMismatch(let slug, let currency, let cartCurrency):
            "'\(slug)' is priced in \(currency) but the cart is in \(cartCurrency)."
        }
    }
}

/// A cart line that cannot be filled: what was asked for and what is left.
public struct StockShortage: Equatable, Sendable, Codable {
    public var slug: String
    public var name: String
    public var requested: Int
    public var available: Int

    public init(slug: String, name: String, requested: Int, available: Int) {
        self.slug = slug
        self.name = name
        self.requested = requested
        self.available = available
    }
}

/// A cart line whose price is no longer the one the shopper saw.
public struct PriceChange: Equatable, Sendable, Codable {
    public var slug: String
    public var name: String
    public var seenPriceMinor: Int
    public var unitPriceMinor: Int

    public init(slug: String, name: String, seenPriceMinor: Int, unitPriceMinor: Int) {
        self.slug = slug
        self.name = name
        self.seenPriceMinor = seenPriceMinor
        self.unitPriceMinor = unitPriceMinor
    }
}
