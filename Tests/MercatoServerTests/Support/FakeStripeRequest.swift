import Foundation

/// A request as `FakeStripe` sees it once the HTTP layer has read it.
struct FakeStripeRequest: Sendable {
    var method: String
    var path: String
    /// Keyed by lower-cased header name.
    var headers: [String: String]
    /// The form body's fields in order, decoded.
    var pairs: [Pair]

    struct Pair: Sendable, Hashable {
        var name: String
        var value: String
    }

    init(method: String, path: String, headers: [String: String], body: String) {
        self.method = method
        self.path = path
        self.headers = headers
        pairs = body.split(separator: "&").map { field in
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return Pair(name: Self.decode(parts[0]), value: parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// Each field once; for a repeated field (`payment_method_types[]`) the last value.
    var fields: [String: String] {
        Dictionary(pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// Stripe compares parameters, not bytes, when a key is reused.
    var form: [String] { pairs.map { "\($0.name)=\($0.value)" } }

    /// Form decoding: `+` is a space, so a literal plus must arrive as `%2B`.
    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
