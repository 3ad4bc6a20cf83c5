import MercatoCore
import MercatoDatabase

struct AvailabilityJSON: Encodable {
    var slug: String
    var name: String
    var priceMinor: Int
    var currency: String
    var available: Int
    var stock: String

    init(_ product: ProductAvailability) {
        slug = product.slug
        name = product.name
        priceMinor = product.priceMinor
        currency = product.currency
        available = product.available
        stock = product.stock.apiName
    }
}

struct PricingJSON: Encodable {
    var currency: String
    var shippingMethods: [ShippingMethod]
    var taxRateBasisPoints: Int
    var shipsTo: [String]

    init(_ settings: CheckoutSettings) {
        currency = settings.currency.code
        shippingMethods = settings.pricing.shippingMethods
        taxRateBasisPoints = settings.pricing.taxRateBasisPoints
        shipsTo = settings.pricing.shipsTo.sorted()
    }
}
