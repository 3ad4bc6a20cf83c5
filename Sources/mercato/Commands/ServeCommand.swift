import ArgumentParser
import Foundation
import Logging
import MercatoCore
import AsyncHTTPClient
import MercatoDatabase
import MercatoServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the built site (dist/) and the checkout API over HTTP.",
        discussion: """
            Payments go through the built-in test gateway unless STRIPE_SECRET_KEY is set: then Stripe, with
            STRIPE_PUBLISHABLE_KEY for the card form in the shopper's browser (Stripe.js), STRIPE_WEBHOOK_SECRET
            verifying its webhooks, and STRIPE_API_BASE if Stripe's API is reached through another address (a
            proxy, or stripe-mock). Logs are JSON lines on standard output.
            """)

    @OptionGroup var options: ShopOptions

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (env PORT).")
    var port: Int = Int(ProcessInfo.processInfo.environment["PORT"] ?? "") ?? 8080

    @Flag(name: .customLong("api-only"), help: "Serve only the API and health endpoints (a CDN serves dist/).")
    var apiOnly = false

    @Option(name: .customLong("allow-origin"), help: "The site's origin allowed to call the API (CORS), e.g. https://shop.example.com.")
    var allowOrigin: String?

    @Option(name: .customLong("hold-minutes"), help: "How long checkout holds stock for payment.")
    var holdMinutes: Double = 15

    @Flag(name: .customLong("no-rate-limit"), help: "Turn off per-address rate limits (load tests from one address).")
    var noRateLimit = false

    func validate() throws {
        guard holdMinutes > 0, holdMinutes <= 24 * 60 else { throw ValidationError("--hold-minutes must be from 0 to 1440") }
    }

    func run() async throws {
        MemoryAllocator.keepFreedMemoryForReuse()
        LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        let site = options.layout.output
        if !apiOnly, !FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path) {
            throw fail("\(site.path) has no index.html; run `mercato build` first, or pass --api-only")
        }
        let shop = try options.configuration()
        let database = try options.openDatabase()
        let payments = try PaymentGatewayChoice.fromEnvironment(database: database)
        if payments.gateway.provider == "stripe", payments.gateway.publishableKey == nil {
            throw fail("STRIPE_PUBLISHABLE_KEY must be set (pk_…): shoppers enter their card in Stripe's form, which needs it")
        }
        let app = try buildApplication(
            ServerConfiguration(
                host: host, port: port, siteDirectory: apiOnly ? nil : site.path, allowedOrigin: allowOrigin,
                checkout: CheckoutSettings(currency: shop.currency, holdDuration: holdMinutes * 60),
                rateLimits: noRateLimit ? nil : RateLimits(),
                // Short holds (tests, flash sales) are released soon after they end, not up to 30 s later.
                holdSweepInterval: .seconds(min(30, holdMinutes * 60 / 4))),
            dependencies: ServerDependencies(
                database: database, gateway: payments.gateway, stripeWebhooks: payments.webhooks),
            onServerRunning: { port in
                FileHandle.standardError.write(
                    Data("Serving \(apiOnly ? "the API" : site.path) at http://localhost:\(port)/  (Ctrl-C to stop)\n".utf8))
            })
        try await app.runService()
    }
}

/// The payment gateway the environment asks for: the test gateway unless `STRIPE_SECRET_KEY` is set, then Stripe
/// with `STRIPE_PUBLISHABLE_KEY` (which the server needs, the CLI does not), `STRIPE_WEBHOOK_SECRET` and
/// `STRIPE_API_BASE`.
enum PaymentGatewayChoice {
    static func fromEnvironment(
        database: AppDatabase, _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws
        -> (gateway: any PaymentGateway, webhooks: StripeWebhookVerifier?)
    {
        guard let key = environment["STRIPE_SECRET_KEY"], !key.isEmpty else { return (TestCardGateway(ledger: database), nil) }
        guard key.hasPrefix("sk_") || key.hasPrefix("rk_") else {
            throw fail("STRIPE_SECRET_KEY must be a Stripe secret key (sk_… or rk_…)")
        }
        let publishableKey = environment["STRIPE_PUBLISHABLE_KEY"]
        if let publishableKey, !publishableKey.hasPrefix("pk_") {
            throw fail("STRIPE_PUBLISHABLE_KEY must be a Stripe publishable key (pk_…)")
        }
        let webhooks = environment["STRIPE_WEBHOOK_SECRET"].map { StripeWebhookVerifier(signingSecret: $0) }
        if webhooks == nil {
            FileHandle.standardError.write(
                Data("warning: STRIPE_WEBHOOK_SECRET is not set; payments confirmed later will wait for the shopper's page\n".utf8))
        }
        let gateway = StripeGateway(
            client: .shared, secretKey: key, publishableKey: publishableKey,
            baseURL: environment["STRIPE_API_BASE"] ?? "https://api.stripe.com")
        return (gateway, webhooks)
    }
}
