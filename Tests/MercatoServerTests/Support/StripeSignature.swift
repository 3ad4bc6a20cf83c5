import Crypto
import Foundation
import HTTPTypes

/// The `Stripe-Signature` header Stripe sends with a webhook: `t=<unix time>,v1=<HMAC-SHA256 of "t.body">`.
enum StripeSignature {
    static func header(for body: String, at time: Date, secret: String) -> HTTPFields {
        let t = Int(time.timeIntervalSince1970)
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(t).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return [.init("Stripe-Signature")!: "t=\(t),v1=\(mac.map { String(format: "%02x", $0) }.joined())"]
    }
}
