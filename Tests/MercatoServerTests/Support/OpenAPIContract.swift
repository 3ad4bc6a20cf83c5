import Foundation
import Yams

/// `openapi.yaml` as the contract the server's answers are checked against: which (operation, status)
/// pairs it documents, and whether an answer's content type and body match the documented schema.
///
/// The check is strict where the document is silent: an object may not carry a property its schema does
/// not name, and a schema keyword the check does not understand is reported, never skipped.
struct OpenAPIContract: Sendable {
    /// One documented answer: an operation and a status it may answer with.
    struct Response: Hashable, Comparable, CustomStringConvertible, Sendable {
        var operation: String
        var status: Int

        var description: String { "\(operation) \(status)" }

        static func < (a: Response, b: Response) -> Bool { (a.operation, a.status) < (b.operation, b.status) }
    }

    /// Read-only once parsed.
    private struct Operation: @unchecked Sendable {
        var id: String
        var method: String
        var template: [Substring]
        var responses: [String: Any]
    }

    private let document: Document
    private let operations: [Operation]

    /// Reads `openapi.yaml` at the package root.
    init() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        guard let object = try Yams.load(yaml: text) as? [String: Any], let paths = object["paths"] as? [String: Any] else {
            throw ContractError("openapi.yaml has no paths")
        }
        document = Document(root: object)
        var operations: [Operation] = []
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            for method in ["get", "put", "post", "delete", "patch"] {
                guard let operation = item[method] as? [String: Any] else { continue }
                guard let id = operation["operationId"] as? String, let responses = operation["responses"] as? [String: Any]
                else { throw ContractError("\(method.uppercased()) \(path) needs an operationId and responses") }
                operations.append(
                    Operation(id: id, method: method.uppercased(), template: path.split(separator: "/"), responses: responses))
            }
        }
        self.operations = operations
    }

    /// Every (operation, status) the document promises.
    var documentedResponses: Set<Response> {
        Set(operations.flatMap { operation in operation.responses.keys.compactMap { Int($0) }.map { Response(operation: operation.id, status: $0) } })
    }

    /// The documented response an answer stands for, and what in the answer breaks the contract.
    func check(method: String, path: String, status: Int, contentType: String?, body: [UInt8]) -> (
        response: Response?, violations: [String]
    ) {
        let where_ = "\(method) \(path) → \(status)"
        guard let operation = operation(method: method, path: path) else {
            return (nil, ["\(where_): no documented operation"])
        }
        let response = Response(operation: operation.id, status: status)
        guard let documented = operation.responses[String(status)] as? [String: Any] else {
            return (response, ["\(where_): status \(status) is not documented for \(operation.id)"])
        }
        let resolved = document.resolve(documented)
        guard let content = resolved["content"] as? [String: Any] else {
            return (response, body.isEmpty ? [] : ["\(where_): documented without a body, but \(body.count) bytes came back"])
        }
        let mediaType = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content[mediaType] as? [String: Any] else {
            return (response, ["\(where_): content type '\(mediaType)' is not one of \(content.keys.sorted())"])
        }
        guard let schema = media["schema"] as? [String: Any] else { return (response, []) }
        let value: JSONValue
        if mediaType.hasSuffix("json") {
            do {
                value = try JSONDecoder().decode(JSONValue.self, from: Data(body))
            } catch {
                return (response, ["\(where_): the body is not JSON: \(String(decoding: body.prefix(200), as: UTF8.self))"])
            }
        } else {
            value = .string(String(decoding: body, as: UTF8.self))
        }
        return (response, document.violations(of: value, against: schema, at: "body").map { "\(where_): \($0)" })
    }

    /// The operation whose path template matches; a literal segment beats a template segment.
    private func operation(method: String, path: String) -> Operation? {
        let segments = path.split(separator: "?", maxSplits: 1)[0].split(separator: "/")
        return operations.filter { operation in
            operation.method == method && operation.template.count == segments.count
                && zip(operation.template, segments).allSatisfy { template, segment in
                    template.hasPrefix("{") || template == segment
                }
        }.min { a, b in a.template.count(where: { $0.hasPrefix("{") }) < b.template.count(where: { $0.hasPrefix("{") }) }
    }
}

struct ContractError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The OpenAPI document with its `$ref`s, and the schema check.
/// Read-only once parsed.
private struct Document: @unchecked Sendable {
    let root: [String: Any]

    /// Words that describe a schema without constraining it.
    private static let annotations: Set<String> = ["description", "example", "title"]

    func resolve(_ object: [String: Any]) -> [String: Any] {
        guard let reference = object["$ref"] as? String else { return object }
        var node: Any = root
        for key in reference.dropFirst(2).split(separator: "/") {
            node = (node as? [String: Any])?[String(key)] ?? [:]
        }
        return resolve(node as? [String: Any] ?? [:])
    }

    func violations(of value: JSONValue, against schema: [String: Any], at path: String) -> [String] {
        let schema = resolve(schema)
        if case .null = value {
            return schema["nullable"] as? Bool == true ? [] : ["\(path) is null, which the schema does not allow"]
        }
        var found: [String] = []
        if schema["properties"] != nil || schema["required"] != nil || schema["additionalProperties"] != nil {
            found += objectViolations(of: value, against: schema, at: path)
        }
        for (keyword, argument) in schema where !Self.annotations.contains(keyword) {
            switch keyword {
            case "nullable", "properties", "required", "additionalProperties": break
            case "type":
                if !value.isOf(type: argument as? String ?? "") { found.append("\(path) is \(value.kind), not \(argument)") }
            case "allOf":
                for part in argument as? [[String: Any]] ?? [] { found += violations(of: value, against: part, at: path) }
            case "enum":
                let allowed = (argument as? [Any] ?? []).map { "\($0)" }
                if case .string(let text) = value, !allowed.contains(text) { found.append("\(path) '\(text)' is not one of \(allowed)") }
            case "items":
                if case .array(let items) = value, let itemSchema = argument as? [String: Any] {
                    for (index, item) in items.enumerated() { found += violations(of: item, against: itemSchema, at: "\(path)[\(index)]") }
                }
            case "minimum", "maximum":
                if case .integer(let number) = value, let bound = argument as? Int,
                    keyword == "minimum" ? number < Int64(bound) : number > Int64(bound)
                {
                    found.append("\(path) \(number) is beyond the \(keyword) \(bound)")
                }
            case "minLength", "maxLength":
                if case .string(let text) = value, let bound = argument as? Int,
                    keyword == "minLength" ? text.count < bound : text.count > bound
                {
                    found.append("\(path) has \(text.count) characters, beyond the \(keyword) \(bound)")
                }
            case "format":
                guard argument as? String == "date-time" else {
                    found.append("\(path): the contract check does not know the format '\(argument)'")
                    break
                }
                if case .string(let text) = value, (try? Date(text, strategy: .iso8601)) == nil {
                    found.append("\(path) '\(text)' is not an RFC 3339 date-time")
                }
            default:
                found.append("\(path): the contract check does not know the schema keyword '\(keyword)'")
            }
        }
        return found
    }

    private func objectViolations(of value: JSONValue, against schema: [String: Any], at path: String) -> [String] {
        guard case .object(let members) = value else { return [] }
        let properties = schema["properties"] as? [String: Any] ?? [:]
        var found = (schema["required"] as? [String] ?? []).filter { members[$0] == nil }.map { "\(path).\($0) is required but missing" }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let property = properties[name] as? [String: Any] {
                found += violations(of: member, against: property, at: "\(path).\(name)")
            } else if let extra = schema["additionalProperties"] as? [String: Any] {
                found += violations(of: member, against: extra, at: "\(path).\(name)")
            } else if !properties.isEmpty, schema["additionalProperties"] as? Bool != true {
                found.append("\(path).\(name) is not documented")
            }
        }
        return found
    }
}

/// A JSON value that keeps integers, numbers and booleans apart, as JSON Schema does.
enum JSONValue: Decodable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    func isOf(type: String) -> Bool { kind == type || (type == "number" && kind == "integer") }
}
