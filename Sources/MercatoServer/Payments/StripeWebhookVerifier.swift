import Crypto
import Foundation
import MercatoCore
import NIOCore

/// Checks that a webhook request came from Stripe, as Stripe documents: the `Stripe-Signature` header holds a
/// timestamp `t` and one or more `v1` signatures, each an HMAC-SHA256 of `"<t>.<raw body>"` keyed with the
/// endpoint's signing secret. Several `v1` values appear while a secret is being rolled; any match is enough.
public struct StripeWebhookVerifier: Sendable {
    /// Stripe's own libraries allow five minutes between signing and receipt.
    public static let defaultTolerance: TimeInterval = 300

    private let key: SymmetricKey
    private let tolerance: TimeInterval
    private let clock: any WallClock

    /// - Parameters:
    ///   - signingSecret: the endpoint's `whsec_…` secret from Stripe's dashboard or `stripe listen`.
    ///   - tolerance: the largest difference, either way, between the signed timestamp and now; it bounds how long
    ///     a captured request can be replayed.
    public init(signingSecret: String, tolerance: TimeInterval = defaultTolerance, clock: any WallClock = SystemClock())
    {
        key = SymmetricKey(data: Data(signingSecret.utf8))
        self.tolerance = tolerance
        self.clock = clock
    }

    /// Verifies the request and decodes its event.
    /// - Parameters:
    ///   - payload: the request body exactly as received; parsing and re-encoding it first breaks the signature.
    ///   - signatureHeader: the `Stripe-Signature` header, `nil` when absent.
    public func verifiedEvent(payload: some DataProtocol, signatureHeader: String?) throws(StripeWebhookError)
        -> StripeEvent
    {
        try verify(payload: payload, signatureHeader: signatureHeader)
        do {
            return try StripeEvent(json: Data(payload))
        } catch {
            throw .undecodableEvent(reason: Self.reason(error))
        }
    }

    /// Verifies the request and decodes its event, from a body as Hummingbird collects it.
    public func verifiedEvent(payload: ByteBuffer, signatureHeader: String?) throws(StripeWebhookError) -> StripeEvent {
        try verifiedEvent(payload: Data(payload.readableBytesView), signatureHeader: signatureHeader)
    }

    /// Verifies the request without decoding it.
    public func verify(payload: some DataProtocol, signatureHeader: String?) throws(StripeWebhookError) {
        guard let header = signatureHeader, !header.allSatisfy(\.isWhitespace) else {
            throw .missingSignatureHeader
        }
        let (timestamp, signatures) = try Self.parse(header)
        guard !signatures.isEmpty else { throw .noV1Signature }

        var mac = HMAC<SHA256>(key: key)
        mac.update(data: Data("\(timestamp).".utf8))
        mac.update(data: payload)
        let expected = mac.finalize()
        // `==` between a MAC and bytes is the constant-time comparison from swift-crypto.
        guard signatures.contains(where: { candidate in Self.bytes(hex: candidate).map { expected == $0 } ?? false })
        else { throw .signatureMismatch }

        let age = clock.now().timeIntervalSince1970 - TimeInterval(timestamp)
        guard abs(age) <= tolerance else {
            throw .timestampOutsideTolerance(age: Int(age.rounded(.towardZero)), tolerance: Int(tolerance))
        }
    }

    /// Splits `t=…,v1=…,v1=…,v0=…`. Elements other than `t` and `v1` are ignored, as Stripe's documentation says,
    /// so that new schemes can be added to the header without breaking receivers.
    private static func parse(_ header: String) throws(StripeWebhookError) -> (timestamp: Int, signatures: [String]) {
        var timestamp: Int?
        var signatures: [String] = []
        for element in header.split(separator: ",") {
            let parts = element.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw .malformedSignatureHeader(reason: "'\(element.prefix(20))' is not a key=value pair")
            }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            switch name {
            case "t":
                guard let seconds = Int(value) else {
                    throw .malformedSignatureHeader(reason: "the timestamp t is not a whole number of seconds")
                }
                timestamp = seconds
            case "v1": signatures.append(value)
            default: continue
            }
        }
        guard let timestamp else { throw .malformedSignatureHeader(reason: "there is no timestamp t") }
        return (timestamp, signatures)
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == SHA256.byteCount * 2 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(SHA256.byteCount)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "the field '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))' is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty
                ? "it is not JSON"
                : "the field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        default: "\(error)"
        }
    }
}
