import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MercatoCore
import MercatoDatabase
import ServiceLifecycle

/// What the server works with, made by the caller (the CLI or a test).
public struct ServerDependencies: Sendable {
    public var database: AppDatabase
    public var gateway: any PaymentGateway
    public var metrics: ServerMetrics
    /// Verifies Stripe's webhooks; `nil` when Stripe is not the gateway.
    public var stripeWebhooks: StripeWebhookVerifier?

    public init(
        database: AppDatabase, gateway: any PaymentGateway, metrics: ServerMetrics = ServerMetrics(),
        stripeWebhooks: StripeWebhookVerifier? = nil
    ) {
        self.database = database
        self.gateway = gateway
        self.metrics = metrics
        self.stripeWebhooks = stripeWebhooks
    }
}

/// Builds the server: the checkout API under `/api/v1`, `/health`, `/ready`, `/metrics`, and (unless
/// API-only) the static site from `dist/` with clean URLs and its 404 page. Tests call this directly.
public func buildApplication(
    _ configuration: ServerConfiguration, dependencies: ServerDependencies,
    logger: Logger = Logger(label: "mercato"),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let desk = PaymentDesk(database: dependencies.database, gateway: dependencies.gateway)
    let router = Router(context: APIRequestContext.self)
    router.add(middleware: RequestLogMiddleware(metrics: dependencies.metrics))
    // At the router, not the API group: a preflight OPTIONS request matches no route.
    router.add(
        middleware: CORSMiddleware(
            allowOrigin: configuration.allowedOrigin.map { .oneOf($0) } ?? .none,
            allowHeaders: [.accept, .contentType, .idempotencyKey],
            allowMethods: [.get, .post, .put, .delete, .options], exposedHeaders: ["X-Request-Id", "Retry-After"],
            maxAge: .seconds(600)))
    // Outermost first: the error answers wrap the file server, which falls back to the routes.
    router.add(middleware: ProblemMiddleware(siteDirectory: configuration.siteDirectory, apiPrefix: "/api/"))
    if let site = configuration.siteDirectory { router.add(middleware: FileMiddleware(site, searchForIndexHtml: true)) }
    router.get("/health") { _, _ in "ok" }
    router.get("/ready") { _, _ in
        guard dependencies.database.isReady() else {
            throw Problem(
                .serviceUnavailable, "not-ready", "Not ready", detail: "The database is not reachable or not migrated.")
        }
        return try JSONAnswer(["status": "ready"]).response
    }
    router.get("/metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
            body: .init(byteBuffer: ByteBuffer(bytes: dependencies.metrics.registry.emitToBuffer())))
    }
    let api = router.group("/api/v1")
    if let limits = configuration.rateLimits { api.add(middleware: RateLimitMiddleware(limits: limits)) }
    let tokens = TrackingTokens(key: try dependencies.database.orderTrackingKey())
    // Requests an earlier process was answering when it stopped can be retried now.
    _ = try dependencies.database.abandonUnfinishedIdempotentRequests()
    CheckoutAPI(
        database: dependencies.database, desk: desk, settings: configuration.checkout, tokens: tokens,
        metrics: dependencies.metrics
    ).register(on: api)
    WebhookRoutes(database: dependencies.database, desk: desk, verifier: dependencies.stripeWebhooks).register(on: api)

    var services: [any Service] = [
        HoldReleaseService(
            database: dependencies.database, desk: desk, metrics: dependencies.metrics,
            interval: configuration.holdSweepInterval, logger: logger)
    ]
    if let checkpointer = try WALCheckpointer(dependencies.database) {
        services.append(CheckpointService(checkpointer: checkpointer, interval: .milliseconds(100), logger: logger))
    }
    if let testGateway = dependencies.gateway as? TestCardGateway {
        services.append(DelayedPaymentService(results: testGateway.asyncResults, desk: desk, logger: logger))
    }
    return Application(
        responder: RequestTaskResponder(base: router.buildResponder()),
        // A flash sale opens thousands of connections at once: a short accept queue would make them wait for the
        // kernel's SYN retry (a second or more) instead of a few milliseconds.
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "mercato", backlog: 4096),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}
