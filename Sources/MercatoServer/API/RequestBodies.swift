import MercatoCore

/// The JSON bodies the API accepts. Fields a client may send but the server computes (prices, totals)
/// are not read.
struct SetQuantity: Decodable {
    var quantity: Int
}

struct CheckoutBody: Decodable {
    var cartToken: String
    var email: String
    var shippingAddress: ShippingAddress
    var shippingMethod: String
    var discountCode: String?
}

struct PayBody: Decodable {
    var token: String
    var paymentMethod: String
}

struct TokenBody: Decodable {
    var token: String
}
