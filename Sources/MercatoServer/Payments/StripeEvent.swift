import Foundation
import MercatoCore

/// A verified Stripe webhook event, reduced to what checkout acts on. Events of other types decode too, with
/// neither `paymentIntent` nor `refundedCharge` set, so the server can acknowledge them and move on.
public struct StripeEvent: Sendable, Hashable {
    /// `evt_…`; Stripe may deliver the same event more than once, so handlers deduplicate on it.
    public var id: String
    /// `payment_intent.succeeded`, `charge.refunded`, …
    public var type: String
    public var created: Date
    /// The PaymentIntent as it was when the event happened, for `payment_intent.*` events.
    public var paymentIntent: GatewayPayment?
    /// For `charge.refunded`.
    public var refundedCharge: RefundedCharge?

    /// The part of a refunded Charge that ties it back to an order's payment.
    public struct RefundedCharge: Sendable, Hashable {
        public var chargeId: String
        public var paymentIntentId: String?
        /// The total refunded so far, across every refund of the charge.
        public var amountRefundedMinor: Int
        /// Whether the whole charge is now refunded.
        public var fullyRefunded: Bool
    }

    init(json: Data) throws {
        let decoder = JSONDecoder()
        let envelope = try decoder.decode(Envelope.self, from: json)
        id = envelope.id
        type = envelope.type
        created = Date(timeIntervalSince1970: TimeInterval(envelope.created))
        if type.hasPrefix("payment_intent.") {
            paymentIntent = try decoder.decode(Payload<StripePaymentIntent>.self, from: json).data.object.gatewayPayment
        }
        if type == "charge.refunded" {
            let charge = try decoder.decode(Payload<Charge>.self, from: json).data.object
            refundedCharge = RefundedCharge(
                chargeId: charge.id, paymentIntentId: charge.paymentIntent, amountRefundedMinor: charge.amountRefunded,
                fullyRefunded: charge.refunded ?? false)
        }
    }

    private struct Envelope: Decodable {
        var id: String
        var type: String
        var created: Int
    }

    private struct Payload<Object: Decodable>: Decodable {
        var data: Contents
        struct Contents: Decodable { var object: Object }
    }

    private struct Charge: Decodable {
        var id: String
        var paymentIntent: String?
        var amountRefunded: Int
        var refunded: Bool?

        enum CodingKeys: String, CodingKey {
            case id, refunded
            case paymentIntent = "payment_intent"
            case amountRefunded = "amount_refunded"
        }
    }
}
