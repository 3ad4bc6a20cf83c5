import MercatoCore
import MercatoDatabase

/// The answer to a stock and price lookup, asked for several times per shopper visit.
struct AvailabilityListJSON: JSONWritable {
    var products: [AvailabilityJSON]

    // Keys in sorted order, as `JSONBody.encoder` writes them (see ``JSONWritable``).
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("products")
            json.array(products) { json, product in
                json.object { json in
                    json.field("available", product.available)
                    json.field("currency", product.currency)
                    json.field("name", product.name)
                    json.field("priceMinor", product.priceMinor)
                    json.field("slug", product.slug)
                    json.field("stock", product.stock)
                }
            }
        }
    }
}

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
