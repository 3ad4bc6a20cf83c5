import MercatoCore

/// What `mercato serve` needs to start: where to listen, which built site to serve, and the checkout rules.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The built site (`dist/`), served as static files; `nil` serves only the API (a CDN serves the site).
    public var siteDirectory: String?
    /// The origin whose pages may call the API from the browser (CORS), e.g. `https://shop.example.com`;
    /// `nil` when the site and the API share an origin.
    public var allowedOrigin: String?
    public var checkout: CheckoutSettings
    /// `nil` turns rate limiting off (load tests from one address).
    public var rateLimits: RateLimits?
    /// How often expired stock holds are released.
    public var holdSweepInterval: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, siteDirectory: String? = nil, allowedOrigin: String? = nil,
        checkout: CheckoutSettings = CheckoutSettings(), rateLimits: RateLimits? = RateLimits(),
        holdSweepInterval: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.siteDirectory = siteDirectory
        self.allowedOrigin = allowedOrigin
        self.checkout = checkout
        self.rateLimits = rateLimits
        self.holdSweepInterval = holdSweepInterval
    }
}

/// The rules checkout applies.
public struct CheckoutSettings: Sendable {
    public var currency: Currency
    public var pricing: PricingPolicy
    public var cartRules: CartRules
    /// How long stock stays held for an order awaiting payment, in seconds (default 15 minutes).
    public var holdDuration: Double

    public init(
        currency: Currency = .usd, pricing: PricingPolicy = .standard, cartRules: CartRules = CartRules(),
        holdDuration: Double = 15 * 60
    ) {
        self.currency = currency
        self.pricing = pricing
        self.cartRules = cartRules
        self.holdDuration = holdDuration
    }
}
