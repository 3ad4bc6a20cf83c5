import Crypto
import Foundation

/// Signs order numbers for tracking links: the token is an HMAC-SHA256 of the number under the shop's
/// secret key, so knowing one order's link tells nothing about another's.
struct TrackingTokens: Sendable {
    private let key: SymmetricKey

    init(key: Data) {
        precondition(key.count >= 16, "the tracking key must hold at least 128 bits")
        self.key = SymmetricKey(data: key)
    }

    func token(for orderNumber: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("order-tracking:\(orderNumber)".utf8), using: key)
        // Base64url: 18 bytes make 24 characters, no padding.
        let base64 = Data(mac).prefix(18).base64EncodedString().utf8
        return String(
            decoding: base64.map {
                $0 == UInt8(ascii: "+") ? UInt8(ascii: "-") : $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0
            }, as: UTF8.self)
    }

    /// Compares in constant time, so response timing does not leak how much of a guess was right.
    func isValid(_ token: String, for orderNumber: String) -> Bool {
        let expected = Array(self.token(for: orderNumber).utf8)
        let given = Array(token.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
