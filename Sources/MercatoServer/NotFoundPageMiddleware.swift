import Foundation
import Hummingbird

/// Answers unknown paths with the site's own `404.html` and status 404.
struct NotFoundPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let page: ByteBuffer?

    init(siteDirectory: String) {
        page = (try? Data(contentsOf: URL(fileURLWithPath: siteDirectory).appendingPathComponent("404.html")))
            .map { ByteBuffer(bytes: $0) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let page else { throw error }
            return Response(
                status: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: page))
        }
    }
}
