import HTTPTypes
import Hummingbird
import Logging

/// One log line per request (method, path, status, duration, request id) and its metrics; the request id
/// goes back in `X-Request-Id` so a shopper's report can be matched to the log.
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
            return response
        } catch let error as any HTTPResponseError {
            status = Int(error.status.code)
            throw error
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

extension HTTPField.Name {
    static let requestID = HTTPField.Name("X-Request-Id")!
}
