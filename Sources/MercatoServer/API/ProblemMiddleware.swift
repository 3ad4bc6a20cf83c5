import Hummingbird
import Logging

/// Turns every error under the API into `application/problem+json`: domain errors into their problem,
/// Hummingbird's own (404, 413, …) into a problem with the same status, anything else into a 500 that
/// names the request id and is logged, never echoed.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch {
            if let problem = Problem(error) { return try problem.response(from: request, context: context) }
            if let error = error as? any HTTPResponseError {
                let status = error.status
                let detail =
                    switch status {
                    case .contentTooLarge: "The request body is larger than the \(APIRequestContext.bodyLimit / 1024) KB this API accepts."
                    case .notFound: "There is nothing at \(request.uri.path)."
                    case .methodNotAllowed: "\(request.method) is not allowed on \(request.uri.path)."
                    default: (error as? HTTPError)?.body ?? status.reasonPhrase
                    }
                return try Problem(status, "http-\(status.code)", status.reasonPhrase, detail: detail)
                    .response(from: request, context: context)
            }
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return try Problem(
                .internalServerError, "internal", "Internal error",
                detail: "Something went wrong on our side; nothing was charged. Please try again, quoting reference \(context.id)."
            ).response(from: request, context: context)
        }
    }
}
