import Foundation
import Hummingbird
import MercatoCore

/// Reading JSON request bodies and writing JSON responses, with problems a client can act on.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The raw body bytes of a JSON request: refuses another content type (415) and a body over the limit (413).
    static func bytes(of request: Request, context: APIRequestContext) async throws -> Data {
        guard isJSON(request.headers[.contentType]) else { throw unsupportedMediaType }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return Data(buffer: buffer)
    }

    /// As ``bytes(of:context:)``, for a body that may be left out: nil when the request has none, whatever its
    /// Content-Type (`curl -d ''` sends a form's).
    static func optionalBytes(of request: Request, context: APIRequestContext) async throws -> Data? {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return nil }
        guard isJSON(request.headers[.contentType]) else { throw unsupportedMediaType }
        return Data(buffer: buffer)
    }

    /// Whether a Content-Type is JSON's, with or without parameters: `application/json; charset=utf-8`.
    private static func isJSON(_ contentType: String?) -> Bool {
        guard let type = contentType?.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first
        else { return false }
        return String(type).trimmingWhitespace().lowercased() == "application/json"
    }

    private static let unsupportedMediaType = Problem(
        .unsupportedMediaType, "unsupported-media-type", "Unsupported media type",
        detail: "Send the body as JSON with the header Content-Type: application/json.")

    /// Decodes `data` as `T`, naming the field and what is wrong with it when it cannot.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard String(data: data, encoding: .utf8) != nil else {
            throw Problem.badRequest("The body is not valid UTF-8 text.")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw Problem.badRequest("The body is not valid JSON: \(context.debugDescription)")
        } catch DecodingError.keyNotFound(let key, let context) {
            let field = path(context.codingPath + [key])
            throw Problem.invalid("The field '\(field)' is required.", field: field)
        } catch DecodingError.typeMismatch(let expected, let context) {
            let field = path(context.codingPath)
            throw Problem.invalid("The field '\(field)' must be \(describe(expected)).", field: field)
        } catch DecodingError.valueNotFound(let expected, let context) {
            let field = path(context.codingPath)
            throw Problem.invalid("The field '\(field)' must be \(describe(expected)), not null.", field: field)
        } catch DecodingError.dataCorrupted(let context) {
            let field = path(context.codingPath)
            throw Problem.invalid("The field '\(field)' is not valid: \(context.debugDescription)", field: field)
        }
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(data: try encoder.encode(value), status: status)
    }

    static func response(data: Data, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        default: "\(type)".lowercased().contains("dictionary") ? "an object" : "of another type"
        }
    }
}
