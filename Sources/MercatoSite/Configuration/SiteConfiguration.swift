import MercatoCore

/// The shop's settings as the builder sees them. The CLI reads `mercato.yaml`, the environment and flags,
/// and hands the result in; nothing in this module reads configuration itself.
public struct SiteConfiguration: Sendable, Codable, Hashable {
    public var name: String
    /// Absolute base URL without a trailing slash, e.g. `https://shop.example.com`.
    public var baseURL: String
    public var currency: Currency
    /// BCP 47 language tag, e.g. `en-US`; used for `<html lang>` and feeds.
    public var locale: String
    public var moneyFormat: MoneyFormat
    /// Where the storefront's scripts reach the checkout API, e.g. `/api/v1` or `https://api.example.com/api/v1`.
    public var apiURL: String
    public var productsPerPage: Int
    public var reviewsPerPage: Int
    /// Reviews shown on the product page itself, most helpful first.
    public var reviewsOnProductPage: Int
    public var relatedProducts: Int
    /// Product attributes shoppers can filter by, besides category, price, rating, stock and brand
    /// (e.g. `Colour`, `Size`), in the order the filters show them.
    public var facets: [String]

    public init(
        name: String, baseURL: String, currency: Currency = .usd, locale: String = "en-US",
        moneyFormat: MoneyFormat = MoneyFormat(symbol: "$"), apiURL: String = "/api/v1", productsPerPage: Int = 24,
        reviewsPerPage: Int = 20, reviewsOnProductPage: Int = 3, relatedProducts: Int = 4,
        facets: [String] = []
    ) {
        self.name = name
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.currency = currency
        self.locale = locale
        self.moneyFormat = moneyFormat
        self.apiURL = apiURL
        self.productsPerPage = productsPerPage
        self.reviewsPerPage = reviewsPerPage
        self.reviewsOnProductPage = reviewsOnProductPage
        self.relatedProducts = relatedProducts
        self.facets = facets
    }

    /// The absolute URL of a site path such as `/products/mug/`.
    public func absoluteURL(_ path: String) -> String { baseURL + path }

    /// The language part of the locale (`en`), for `<html lang>`.
    public var language: String { String(locale.split(separator: "-").first ?? "en") }
}
