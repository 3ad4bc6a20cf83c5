import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import MercatoDatabase

/// Answers a write carrying an `Idempotency-Key` once: a retry with the same key and body gets the first
/// answer again (even if the first answer was a refusal), a retry while the first is still running gets 409,
/// and the same key with another body gets 422. Answers that were the server's fault (5xx) are forgotten,
/// so the retry runs again.
struct IdempotentRequests: Sendable {
    let database: AppDatabase

    func respond(
        operation: String, request: Request, body: Data, context: APIRequestContext,
        _ handler: () async throws -> JSONAnswer
    ) async throws -> Response {
        guard let claim = try Self.claim(operation: operation, request: request, body: body) else {
            return try await handler().response
        }
        if let refusal = try await begin(claim) { return refusal }
        let answer: JSONAnswer
        do {
            answer = try await handler()
        } catch {
            try await storeFailure(error, claim, context: context)
        }
        return try await store(answer, claim)
    }

    /// As ``respond(operation:request:body:context:_:)``, for a handler whose first write claims the key itself,
    /// in its own transaction (``IdempotencyClaim``): one write fewer. If the handler ends without that write
    /// committed (it failed before, or the write was refused and rolled back), the key is claimed then, as a
    /// request would have claimed it before running.
    func respond(
        operation: String, request: Request, body: Data, context: APIRequestContext,
        claimingInFirstWrite handler: (IdempotencyClaim?) async throws -> JSONAnswer
    ) async throws -> Response {
        guard let claim = try Self.claim(operation: operation, request: request, body: body) else {
            return try await handler(nil).response
        }
        let answer: JSONAnswer
        do {
            answer = try await handler(claim)
        } catch let taken as IdempotencyKeyTaken {
            return try refusal(taken.start)
        } catch {
            if !claim.isCommitted, let refusal = try await begin(claim) { return refusal }
            try await storeFailure(error, claim, context: context)
        }
        if !claim.isCommitted, let refusal = try await begin(claim) { return refusal }
        return try await store(answer, claim)
    }

    private static func claim(operation: String, request: Request, body: Data) throws -> IdempotencyClaim? {
        guard let key = request.headers[.idempotencyKey], !key.isEmpty else { return nil }
        guard key.count <= 255 else {
            throw Problem.badRequest("The Idempotency-Key header is longer than 255 characters.")
        }
        return IdempotencyClaim(
            operation: operation, key: key, requestHash: fingerprint(path: request.uri.path, body: body))
    }

    /// Claims the key; the answer to send instead of running the request if it was claimed before.
    private func begin(_ claim: IdempotencyClaim) async throws -> Response? {
        let start = try await database.beginIdempotentRequest(
            operation: claim.operation, key: claim.key, requestHash: claim.requestHash)
        return start == .proceed ? nil : try refusal(start)
    }

    private func refusal(_ start: IdempotentStart) throws -> Response {
        switch start {
        case .replay(let status, let data):
            var response = JSONBody.response(data: data, status: HTTPResponse.Status(code: status))
            if status >= 400 { response.headers[.contentType] = "application/problem+json" }
            response.headers[.idempotentReplayed] = "true"
            return response
        case .inProgress:
            throw Problem(
                .conflict, "request-in-progress", "Request in progress",
                detail: "A request with this Idempotency-Key is still being processed; retry in a moment.",
                retryAfterSeconds: 1)
        case .keyReused:
            throw Problem(
                .unprocessableContent, "idempotency-key-reused", "Idempotency-Key reused",
                detail: "This Idempotency-Key was used with a different request; use a new key for a new request.")
        case .proceed:
            preconditionFailure("a request that may proceed is not refused")
        }
    }

    private func store(_ answer: JSONAnswer, _ claim: IdempotencyClaim) async throws -> Response {
        try await database.finishIdempotentRequest(
            operation: claim.operation, key: claim.key, status: Int(answer.status.code), body: answer.body)
        return answer.response
    }

    /// Stores a refusal, so that a retry gets it again; forgets the key after a failure that was the server's
    /// (5xx), so that the retry runs again. Throws the failure.
    private func storeFailure(_ error: any Error, _ claim: IdempotencyClaim, context: APIRequestContext)
        async throws -> Never
    {
        guard let problem = (error as? Problem) ?? Problem(error), problem.status.code < 500 else {
            try? await database.abandonIdempotentRequest(operation: claim.operation, key: claim.key)
            throw error
        }
        var stored = problem
        stored.requestId = context.id
        try await database.finishIdempotentRequest(
            operation: claim.operation, key: claim.key, status: Int(problem.status.code),
            body: try JSONBody.encoder.encode(stored))
        throw problem
    }

    /// SHA-256 of the path and body, in lowercase hexadecimal (what the stored keys hold).
    static func fingerprint(path: String, body: Data) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(path.utf8))
        hasher.update(data: body)
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { text in
            for (index, byte) in hasher.finalize().enumerated() {
                text[2 * index] = digits[Int(byte >> 4)]
                text[2 * index + 1] = digits[Int(byte & 0x0f)]
            }
            return SHA256.byteCount * 2
        }
    }
}

/// A JSON response kept as bytes, so it can be stored for a retry.
struct JSONAnswer {
    var status: HTTPResponse.Status
    var body: Data

    init(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws {
        self.status = status
        body = try JSONBody.encoder.encode(value)
    }

    init(_ value: some JSONWritable, status: HTTPResponse.Status = .ok) {
        self.status = status
        body = JSONWriter.data(value)
    }

    var response: Response { JSONBody.response(data: body, status: status) }
}

extension HTTPField.Name {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
}
