import Foundation
import MercatoCore
import MercatoDatabase

extension CLIShop {
    /// The shop's database, as the server and the CLI open it.
    func database() throws -> AppDatabase {
        try AppDatabase.open(at: root.appendingPathComponent("var/mercato.sqlite").path)
    }

    /// Places an order for `quantity` of a product, as checkout would; the order awaits payment.
    @discardableResult
    static func placeOrder(_ database: AppDatabase, number: String, slug: String, quantity: Int = 1) async throws
        -> OrderDetails
    {
        let cart = "cart-\(number)"
        _ = try await database.createCart(token: cart, currency: .usd, rules: CartRules())
        _ = try await database.addToCart(
            token: cart, line: CartLineRequest(slug: slug, quantity: quantity), rules: CartRules())
        return try await database.placeOrder(
            OrderPlacement(
                cartToken: cart, email: "ann@example.com",
                address: ShippingAddress(
                    name: "Ann", line1: "1 Main St", city: "Springfield", postalCode: "12345", country: "US"),
                shippingMethod: PricingPolicy.standard.shippingMethods[0], discountCode: nil,
                orderNumber: number, holdDuration: 900, actor: "shopper"),
            policy: .standard)
    }
}
