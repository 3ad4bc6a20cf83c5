import Hummingbird

/// Builds the server: the static site from `dist/` with clean URLs and its 404 page, plus `/health`.
/// Tests call this directly.
public func buildApplication(
    _ configuration: ServerConfiguration, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: SecurityHeadersMiddleware())
    if let site = configuration.siteDirectory {
        // Outermost first: the 404 page wraps the file server, which falls back to the routes.
        router.add(middleware: NotFoundPageMiddleware(siteDirectory: site))
        router.add(middleware: FileMiddleware(site, searchForIndexHtml: true))
    }
    router.get("/health") { _, _ in "ok" }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "mercato"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) })
}
