import Foundation
import Hummingbird
import Logging

/// Turns errors into answers, inside the CORS layer so that they carry its headers. Under `/api/`, every error
/// becomes `application/problem+json`: domain errors their problem, Hummingbird's own (404, 413, …) a problem
/// with the same status, anything else a 500 that names the request id and is logged, never echoed. Elsewhere a
/// 404 gets the site's own 404 page (when it has one), and other errors go on as they were.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let notFoundPage: ByteBuffer?
    let apiPrefix: String

    init(siteDirectory: String?, apiPrefix: String) {
        notFoundPage = siteDirectory.flatMap {
            (try? Data(contentsOf: URL(fileURLWithPath: $0).appendingPathComponent("404.html")))
                .map { ByteBuffer(bytes: $0) }
        }
        self.apiPrefix = apiPrefix
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            guard request.uri.path.hasPrefix(apiPrefix) else { return try sitePage(for: error) }
            return try problem(for: error, request: request, context: context).response(from: request, context: context)
        }
    }

    private func sitePage(for error: any Error) throws -> Response {
        guard let notFoundPage, (error as? HTTPError)?.status == .notFound else { throw error }
        return Response(
            status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: notFoundPage))
    }

    private func problem(for error: any Error, request: Request, context: Context) -> Problem {
        if let problem = error as? Problem { return problem }
        if let problem = Problem(error) { return problem }
        if let error = error as? any HTTPResponseError {
            let status = error.status
            let detail =
                switch status {
                case .contentTooLarge:
                    "The request body is larger than the \(APIRequestContext.bodyLimit / 1024) KB this API accepts."
                case .notFound: "There is nothing at \(request.uri.path)."
                case .methodNotAllowed: "\(request.method) is not allowed on \(request.uri.path)."
                default: (error as? HTTPError)?.body ?? status.reasonPhrase
                }
            return Problem(status, "http-\(status.code)", status.reasonPhrase, detail: detail)
        }
        context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
        return Problem(
            .internalServerError, "internal", "Internal error",
            detail: "Something went wrong on our side; nothing was charged. "
                + "Please try again, quoting reference \(context.id).")
    }
}
