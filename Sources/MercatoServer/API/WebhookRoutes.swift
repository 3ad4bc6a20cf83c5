import Foundation
import HTTPTypes
import Hummingbird
import MercatoDatabase

/// `POST /api/v1/webhooks/stripe`: verifies the signature on the raw body, skips events seen before, and
/// settles payment events through the same desk as the shopper's request, so order and count do not matter.
struct WebhookRoutes: Sendable {
    let database: AppDatabase
    let desk: PaymentDesk
    let verifier: StripeWebhookVerifier?

    func register(on api: RouterGroup<APIRequestContext>) {
        api.post("webhooks/stripe") { request, context in
            // A request without a signature is malformed whether or not webhooks are configured here.
            guard request.headers[.stripeSignature] != nil else {
                throw Problem(
                    .badRequest, "webhook-signature", "Webhook refused",
                    detail: "The Stripe-Signature header is missing; only Stripe's signed events are accepted.")
            }
            guard let verifier else {
                throw Problem.notFound("Stripe webhooks are not configured on this server (set STRIPE_WEBHOOK_SECRET).")
            }
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            let event: StripeEvent
            do {
                event = try verifier.verifiedEvent(payload: body, signatureHeader: request.headers[.stripeSignature])
            } catch let error as StripeWebhookError {
                context.logger.warning("webhook refused", metadata: ["reason": "\(error)"])
                throw Problem(.badRequest, "webhook-signature", "Webhook refused", detail: error.description)
            }
            if try await database.webhookEventSeen(provider: "stripe", id: event.id) {
                return try JSONAnswer(WebhookAnswer(received: true, duplicate: true)).response
            }
            if let payment = event.paymentIntent, event.type.hasPrefix("payment_intent.") {
                let settlement = try await desk.settle(payment, actor: "webhook:stripe")
                context.logger.info(
                    "webhook applied", metadata: ["event": "\(event.id)", "outcome": "\(settlement.name)"])
            }
            if let paymentId = event.refundedCharge?.paymentIntentId {
                let details = try await desk.recordProviderRefunds(paymentId: paymentId, actor: "webhook:stripe")
                context.logger.info(
                    "webhook applied",
                    metadata: ["event": "\(event.id)", "outcome": "refunds recorded", "order": "\(details?.number ?? "none")"])
            }
            _ = try await database.recordWebhookEvent(provider: "stripe", id: event.id, type: event.type)
            return try JSONAnswer(WebhookAnswer(received: true, duplicate: false)).response
        }
    }
}

private struct WebhookAnswer: Encodable {
    var received: Bool
    var duplicate: Bool
}

extension PaymentSettlement {
    var name: String {
        switch self {
        case .paid: "paid"
        case .alreadySettled: "already settled"
        case .processing: "processing"
        case .declined: "declined"
        case .refundNeeded: "refunded"
        case .ignored(let reason): "ignored: \(reason)"
        }
    }
}

extension HTTPField.Name {
    static let stripeSignature = HTTPField.Name("Stripe-Signature")!
}
