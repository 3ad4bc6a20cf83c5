import HTTPTypes
import Hummingbird
import MercatoCore

/// The headers of the `_headers` file the builder writes for CDNs: the security headers on every response, and
/// the site's cache rules on the files served from `dist/` (fingerprinted assets kept a year without asking).
struct SiteHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        for (name, value) in SiteHeaders.security { response.headers[HTTPField.Name(name)!] = value }
        // Files from dist/ are the answers that carry the file's ETag (a 200, or a 304 to a revalidation).
        let path = request.uri.path
        if !path.hasPrefix("/api/"), response.headers[.eTag] != nil {
            response.headers[.cacheControl] = SiteHeaders.cacheControl(forPath: path)
        }
        return response
    }
}
