import Foundation
import GRDB
import MercatoCore

/// Cart writes. Each is one transaction; each re-prices the cart from the catalog before answering.
extension AppDatabase {
    /// Starts a cart, with `firstLine` in it if given: the storefront's first "add to cart" is one request and one
    /// write. A line that cannot be added (unknown product, too few in stock) refuses the whole request, and no cart
    /// is made.
    public func createCart(token: String, currency: Currency, rules: CartRules, firstLine: CartLineRequest? = nil)
        async throws -> PricedCart
    {
        if let firstLine { try rules.check(quantity: firstLine.quantity) }
        return try await write { db in
            let now = clock.now()
            let cart = CartRecord(
                token: token, currency: currency.code, status: "open", orderId: nil, createdAt: now,
                updatedAt: now, expiresAt: now.addingTimeInterval(rules.lifetime))
            try db.insert(cart)
            guard let firstLine else {
                // A new cart has no lines and no order: nothing to read back.
                return PricedCart(
                    token: token, status: cart.status, orderNumber: nil, currency: cart.currency,
                    expiresAt: cart.expiresAt, lines: [])
            }
            try add(db, firstLine, to: cart, now: now, rules: rules)
            return try pricedCart(db, cart: cart)
        }
    }

    public func cart(token: String) async throws -> PricedCart {
        try await read { db in
            let cart = try existingCart(db, token: token)
            guard cart.expiresAt > clock.now() else { throw CheckoutError.cartExpired }
            return try pricedCart(db, cart: cart)
        }
    }

    /// Adds the line's quantity of its product, to the product's line if the cart has one.
    public func addToCart(token: String, line: CartLineRequest, rules: CartRules) async throws -> PricedCart {
        try rules.check(quantity: line.quantity)
        return try await updateOpenCart(token: token, rules: rules) { db, cart, now in
            try add(db, line, to: cart, now: now, rules: rules)
        }
    }

    /// Adds the line in `db`'s transaction, or throws without writing it: an unknown or unsellable product, another
    /// currency, too many lines, a quantity out of range, too few in stock.
    private func add(_ db: Database, _ request: CartLineRequest, to cart: CartRecord, now: Date, rules: CartRules)
        throws
    {
        let product = try sellableProduct(db, slug: request.slug)
        guard product.currency == cart.currency else {
            throw CheckoutError.currencyMismatch(
                slug: request.slug, currency: product.currency, cartCurrency: cart.currency)
        }
        let existing = try CartLineRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM cartLine WHERE cartToken = ? AND productId = ?"),
            arguments: [cart.token, product.id])
        var line =
            existing
            ?? CartLineRecord(
                cartToken: cart.token, productId: product.id, quantity: 0, seenPriceMinor: product.priceMinor,
                addedAt: now)
        if existing == nil {
            let count =
                try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT COUNT(*) FROM cartLine WHERE cartToken = ?"),
                    arguments: [cart.token]
                ) ?? 0
            guard count < rules.maximumLines else { throw CheckoutError.tooManyLines(limit: rules.maximumLines) }
        }
        line.quantity += request.quantity
        try rules.check(quantity: line.quantity)
        try requireStock(db, product: product, quantity: line.quantity)
        // A negative price seen is taken as 0.
        if let seenPriceMinor = request.seenPriceMinor { line.seenPriceMinor = max(0, seenPriceMinor) }
        if existing == nil {
            try db.insert(line)
        } else {
            try db.cachedStatement(
                sql: "UPDATE cartLine SET quantity = ?, seenPriceMinor = ? WHERE cartToken = ? AND productId = ?"
            ).execute(arguments: [line.quantity, line.seenPriceMinor, cart.token, product.id])
        }
    }

    public func setCartQuantity(token: String, slug: String, quantity: Int, rules: CartRules) async throws
        -> PricedCart
    {
        try rules.check(quantity: quantity)
        return try await updateOpenCart(token: token, rules: rules) { db, _, _ in
            var line = try cartLine(db, token: token, slug: slug)
            let product = try sellableProduct(db, slug: slug)
            try requireStock(db, product: product, quantity: quantity)
            line.quantity = quantity
            try line.update(db)
        }
    }

    public func removeFromCart(token: String, slug: String, rules: CartRules) async throws -> PricedCart {
        try await updateOpenCart(token: token, rules: rules) { db, _, _ in
            try cartLine(db, token: token, slug: slug).delete(db)
        }
    }

    /// The shopper has seen the current prices: no line is flagged until a price changes again.
    public func acceptCartPrices(token: String, rules: CartRules) async throws -> PricedCart {
        try await updateOpenCart(token: token, rules: rules) { db, _, _ in
            try db.cachedStatement(
                sql: """
                    UPDATE cartLine SET seenPriceMinor = (SELECT priceMinor FROM product WHERE id = cartLine.productId)
                    WHERE cartToken = ?
                    """
            ).execute(arguments: [token])
        }
    }

    /// Deletes carts that expired more than `grace` seconds ago; returns how many.
    public func deleteExpiredCarts(olderThan grace: TimeInterval) async throws -> Int {
        try await write { db in
            try CartRecord.filter(Column("expiresAt") < clock.now().addingTimeInterval(-grace)).deleteAll(db)
        }
    }

    private func updateOpenCart(
        token: String, rules: CartRules, _ change: @escaping @Sendable (Database, CartRecord, Date) throws -> Void
    ) async throws -> PricedCart {
        try await write { db in
            let now = clock.now()
            var cart = try openCart(db, token: token, now: now)
            try change(db, cart, now)
            cart.updatedAt = now
            cart.expiresAt = now.addingTimeInterval(rules.lifetime)
            try db.cachedStatement(sql: "UPDATE cart SET updatedAt = ?, expiresAt = ? WHERE token = ?").execute(
                arguments: [DatabaseTimestamp(now), DatabaseTimestamp(cart.expiresAt), cart.token])
            return try pricedCart(db, cart: cart)
        }
    }

    func existingCart(_ db: Database, token: String) throws -> CartRecord {
        guard
            let cart = try CartRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM cart WHERE token = ?"), arguments: [token])
        else { throw CheckoutError.cartNotFound }
        return cart
    }

    /// The cart, if it can still change: not expired and not yet ordered.
    func openCart(_ db: Database, token: String, now: Date) throws -> CartRecord {
        let cart = try existingCart(db, token: token)
        guard cart.expiresAt > now else { throw CheckoutError.cartExpired }
        if cart.status == "ordered" {
            throw CheckoutError.cartAlreadyOrdered(orderNumber: try orderNumber(db, cart) ?? "")
        }
        return cart
    }

    func pricedCart(_ db: Database, token: String) throws -> PricedCart {
        try pricedCart(db, cart: existingCart(db, token: token))
    }

    func pricedCart(_ db: Database, cart: CartRecord) throws -> PricedCart {
        let lines = try PricedCartLine.fetchAll(db.cachedStatement(sql: PricedCartLine.sql), arguments: [cart.token])
        return PricedCart(
            token: cart.token, status: cart.status, orderNumber: try orderNumber(db, cart), currency: cart.currency,
            expiresAt: cart.expiresAt, lines: lines)
    }

    private func orderNumber(_ db: Database, _ cart: CartRecord) throws -> String? {
        try cart.orderId.flatMap {
            try String.fetchOne(db.cachedStatement(sql: "SELECT number FROM \"order\" WHERE id = ?"), arguments: [$0])
        }
    }

    private func sellableProduct(_ db: Database, slug: String) throws -> CartProduct {
        guard
            let product = try CartProduct.fetchOne(db.cachedStatement(sql: CartProduct.sql), arguments: [slug])
        else {
            throw CheckoutError.unknownProduct(slug: slug)
        }
        guard product.status == ProductStatus.active.rawValue else {
            throw CheckoutError.productUnavailable(slug: slug)
        }
        return product
    }

    private func cartLine(_ db: Database, token: String, slug: String) throws -> CartLineRecord {
        let line = try CartLineRecord.fetchOne(
            db.cachedStatement(
                sql:
                    "SELECT l.* FROM cartLine l JOIN product p ON p.id = l.productId WHERE l.cartToken = ? AND p.slug = ?"
            ), arguments: [token, slug])
        guard let line else { throw CheckoutError.notInCart(slug: slug) }
        return line
    }

    /// Refuses a quantity the shop could not sell now (stock is only held at checkout).
    private func requireStock(_ db: Database, product: CartProduct, quantity: Int) throws {
        let available =
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT MAX(0, onHand - reserved) FROM inventory WHERE productId = ?"),
                arguments: [product.id])
            ?? 0
        guard quantity <= available else {
            throw CheckoutError.outOfStock(lines: [
                StockShortage(slug: product.slug, name: product.name, requested: quantity, available: available)
            ])
        }
    }
}

/// What a cart needs of a product: not its tags, attributes and dates.
private struct CartProduct: FetchableRecord {
    static let sql = "SELECT id, slug, name, priceMinor, currency, status FROM product WHERE slug = ?"
    var id: Int64
    var slug: String
    var name: String
    var priceMinor: Int
    var currency: String
    var status: String

    init(row: Row) {
        id = row[0]
        slug = row[1]
        name = row[2]
        priceMinor = row[3]
        currency = row[4]
        status = row[5]
    }
}
