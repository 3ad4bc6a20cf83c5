/// A request body in Stripe's form encoding: `application/x-www-form-urlencoded`, with nested fields in bracket
/// notation (`metadata[order_number]=…`, `payment_method_types[]=card`).
struct StripeForm: Sendable {
    private(set) var fields: [(name: String, value: String)] = []

    init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    mutating func append(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    var encoded: String {
        fields.map { "\(Self.escape($0.name, keepingBrackets: true))=\(Self.escape($0.value, keepingBrackets: false))" }
            .joined(separator: "&")
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters, so `+` in an email survives as `%2B`
    /// instead of being read back as a space. Brackets stay literal in names, as Stripe's own libraries send them.
    private static func escape(_ text: String, keepingBrackets: Bool) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "["), UInt8(ascii: "]"):
                result += keepingBrackets ? String(Unicode.Scalar(byte)) : byte == UInt8(ascii: "[") ? "%5B" : "%5D"
            default:
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
