import Foundation
import Hummingbird

/// Answers unknown paths: under the API with a problem, elsewhere with the site's own `404.html`.
struct NotFoundPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let page: ByteBuffer?
    let apiPrefix: String

    init(siteDirectory: String?, apiPrefix: String) {
        page = siteDirectory.flatMap {
            (try? Data(contentsOf: URL(fileURLWithPath: $0).appendingPathComponent("404.html"))).map { ByteBuffer(bytes: $0) }
        }
        self.apiPrefix = apiPrefix
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            if request.uri.path.hasPrefix(apiPrefix) {
                let detail =
                    error.status == .notFound
                    ? "There is nothing at \(request.uri.path)."
                    : "\(request.method) is not allowed on \(request.uri.path)."
                return try Problem(error.status, "http-\(error.status.code)", error.status.reasonPhrase, detail: detail)
                    .response(from: request, context: context)
            }
            guard let page, error.status == .notFound else { throw error }
            return Response(
                status: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: page))
        }
    }
}
