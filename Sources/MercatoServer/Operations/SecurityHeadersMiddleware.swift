import Hummingbird

/// Headers every response carries, matching the `_headers` file the builder writes for CDNs.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "strict-origin-when-cross-origin"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        return response
    }
}
