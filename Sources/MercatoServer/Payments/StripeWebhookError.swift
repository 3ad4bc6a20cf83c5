/// Why a webhook request was refused before its event was acted on.
public enum StripeWebhookError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingSignatureHeader
    case malformedSignatureHeader(reason: String)
    case noV1Signature
    case signatureMismatch
    /// `age` in whole seconds; negative when the timestamp lies in the future.
    case timestampOutsideTolerance(age: Int, tolerance: Int)
    case undecodableEvent(reason: String)

    public var description: String {
        switch self {
        case .missingSignatureHeader:
            "The request has no Stripe-Signature header. Stripe signs every webhook, so either the request did not "
                + "come from Stripe or a proxy in front of the server dropped the header."
        case .malformedSignatureHeader(let reason):
            "The Stripe-Signature header is malformed (\(reason)); Stripe sends `t=<unix time>,v1=<hex signature>`."
        case .noV1Signature:
            "The Stripe-Signature header carries no v1 signature. Only v1 (HMAC-SHA256) signatures are checked; "
                + "check the endpoint in Stripe's dashboard sends current signatures."
        case .signatureMismatch:
            "No v1 signature matches the body. Check the configured signing secret (`whsec_…`) is this endpoint's "
                + "and from the same mode (test or live), and that the raw body reaches the verifier unchanged."
        case .timestampOutsideTolerance(let age, let tolerance):
            age >= 0
                ? "The signature is \(age) s old, more than the \(tolerance) s allowed: a replayed request, or this "
                    + "server's clock is behind. Check the server's time is synchronised."
                : "The signature is dated \(-age) s in the future, more than the \(tolerance) s allowed. Check the "
                    + "server's time is synchronised."
        case .undecodableEvent(let reason):
            "The signature is valid but the body is not a Stripe event Mercato can read: \(reason)."
        }
    }
}
