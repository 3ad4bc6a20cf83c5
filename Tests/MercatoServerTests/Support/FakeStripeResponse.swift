import Foundation

/// What `FakeStripe` answers: a status and a JSON body in Stripe's shapes.
struct FakeStripeResponse: Sendable {
    var status: Int
    var body: Data
    /// Set on an answer repeated for a reused idempotency key (Stripe's `Idempotent-Replayed: true`).
    var replayed = false
    /// Whether the endpoint ran; Stripe saves a result for an idempotency key only then, not when parameters
    /// fail validation or the request is refused before reaching the endpoint.
    var executed = true

    init(status: Int, json: [String: Any], executed: Bool = true) {
        self.status = status
        self.body = try! JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        self.executed = executed
    }

    static func ok(_ json: [String: Any]) -> FakeStripeResponse { .init(status: 200, json: json) }

    static func error(
        _ status: Int, type: String, code: String? = nil, message: String, param: String? = nil
    ) -> FakeStripeResponse {
        var error: [String: Any] = ["type": type, "message": message]
        error["code"] = code
        error["param"] = param
        return .init(status: status, json: ["error": error], executed: false)
    }

    static func invalid(_ code: String?, _ message: String, param: String?) -> FakeStripeResponse {
        .error(400, type: "invalid_request_error", code: code, message: message, param: param)
    }

    static func missing(_ kind: String, _ id: String, param: String, status: Int = 404) -> FakeStripeResponse {
        .error(
            status, type: "invalid_request_error", code: "resource_missing", message: "No such \(kind): '\(id)'",
            param: param)
    }
}
