import Hummingbird

/// Answers each request in a child task of the connection's task. A Swift task keeps the memory its deepest
/// call chain needed until it ends, and a connection's task lives as long as the connection: answered on it,
/// an API request left an idle keep-alive connection holding 38.4 KiB; in a child task, whose memory goes
/// when the request is answered, 17.5 KiB (`Benchmarks/checkout-load/idle_connections.py`; 10,000 shoppers
/// each hold one).
struct RequestTaskResponder<Base: HTTPResponder>: HTTPResponder where Base.Context: Sendable {
    let base: Base

    func respond(to request: Request, context: Base.Context) async throws -> Response {
        try await withThrowingTaskGroup(of: Response.self) { group in
            group.addTask { try await base.respond(to: request, context: context) }
            return try await group.next()!
        }
    }
}
