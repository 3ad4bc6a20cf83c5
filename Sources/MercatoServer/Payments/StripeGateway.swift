import AsyncHTTPClient
import Foundation
import MercatoCore
import NIOCore
import NIOHTTP1

/// Stripe's PaymentIntents API behind `PaymentGateway`: the browser hands the card to Stripe.js and sends back a
/// `pm_…` token; this type only opens, confirms, reads and refunds PaymentIntents with the account's secret key.
public struct StripeGateway: PaymentGateway {
    /// Pinned so that a change of the account's default API version in Stripe's dashboard cannot change the shape
    /// of the responses decoded here.
    public static let apiVersion = "2024-06-20"

    public let provider = "stripe"
    public let publishableKey: String?
    private let client: HTTPClient
    private let secretKey: String
    private let baseURL: String
    private let timeout: Duration

    /// - Parameters:
    ///   - client: shared by the whole server; the caller owns its lifecycle.
    ///   - secretKey: `sk_live_…` or `sk_test_…`; never logged or put in an error.
    ///   - publishableKey: `pk_live_…` or `pk_test_…`, handed to Stripe.js in the shopper's browser.
    ///   - baseURL: Stripe's API; tests point it at a local fake.
    ///   - timeout: for each request, from connecting to the last byte of the response.
    public init(
        client: HTTPClient, secretKey: String, publishableKey: String? = nil, baseURL: String = "https://api.stripe.com",
        timeout: Duration = .seconds(20)
    ) {
        self.client = client
        self.secretKey = secretKey
        self.publishableKey = publishableKey
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.timeout = timeout
    }

    public func createPayment(_ request: PaymentRequest) async throws -> GatewayPayment {
        let form = StripeForm([
            ("amount", String(request.amountMinor)),
            ("currency", request.currency.code.lowercased()),
            ("payment_method_types[]", "card"),
            ("metadata[order_number]", request.orderNumber),
            ("receipt_email", request.email),
        ])
        let outcome = try await send(.POST, "/v1/payment_intents", form: form, idempotencyKey: request.idempotencyKey)
        return try await payment(from: outcome, retrievingOnDecline: nil)
    }

    public func confirmPayment(id: String, paymentMethod: String, idempotencyKey: String) async throws
        -> GatewayPayment
    {
        let outcome = try await send(
            .POST, "/v1/payment_intents/\(try pathComponent(id))/confirm",
            form: StripeForm([("payment_method", paymentMethod)]), idempotencyKey: idempotencyKey)
        return try await payment(from: outcome, retrievingOnDecline: id)
    }

    public func retrievePayment(id: String) async throws -> GatewayPayment {
        let outcome = try await send(.GET, "/v1/payment_intents/\(try pathComponent(id))")
        return try await payment(from: outcome, retrievingOnDecline: nil)
    }

    /// A refund Stripe accepted but has not settled (`pending`) comes back with `succeeded == false` and its id;
    /// Stripe reports the outcome later with `charge.refunded` or `refund.updated`. A refund Stripe reports as
    /// `failed` or `canceled` throws, so `succeeded == false` never means the money stayed put.
    public func refund(paymentId: String, amountMinor: Int, idempotencyKey: String) async throws -> GatewayRefund {
        let form = StripeForm([("payment_intent", paymentId), ("amount", String(amountMinor))])
        let outcome = try await send(.POST, "/v1/refunds", form: form, idempotencyKey: idempotencyKey)
        let body: Data
        switch outcome {
        case .ok(let data): body = data
        case .cardDeclined(let error): throw failure(error.message ?? "Stripe refused the refund.", retryable: false)
        }
        let refund = try decode(StripeRefund.self, from: body)
        guard let accepted = refund.gatewayRefund else {
            let reason = refund.failureReason.map { " (\($0))" } ?? ""
            throw failure("refund \(refund.id) \(refund.status ?? "failed")\(reason).", retryable: false)
        }
        return accepted
    }

    /// Pages through `GET /v1/refunds?payment_intent=…` (newest first, 100 a page).
    public func refunds(paymentId: String) async throws -> [GatewayRefund] {
        var refunds: [GatewayRefund] = []
        var after: String?
        repeat {
            var query = StripeForm([("payment_intent", try pathComponent(paymentId)), ("limit", "100")])
            if let after { query.append("starting_after", after) }
            guard case .ok(let body) = try await send(.GET, "/v1/refunds?" + query.encoded) else {
                throw failure("Stripe refused to list the refunds of \(paymentId).", retryable: false)
            }
            let page = try decode(StripeList<StripeRefund>.self, from: body)
            refunds += page.data.compactMap(\.gatewayRefund)
            after = page.hasMore ? page.data.last?.id : nil
        } while after != nil
        return refunds
    }

    // MARK: - Responses

    private func payment(from outcome: StripeOutcome, retrievingOnDecline id: String?) async throws
        -> GatewayPayment
    {
        switch outcome {
        case .ok(let body):
            return try decode(StripePaymentIntent.self, from: body).gatewayPayment
        case .cardDeclined(let error):
            // A decline is the shopper's card saying no, not a fault: the payment stays open for another card.
            let declined = GatewayPaymentStatus.requiresPaymentMethod(declined: error.decline)
            if let intent = error.paymentIntent {
                return GatewayPayment(
                    id: intent.id, status: declined, amountMinor: intent.amount, currency: intent.currency,
                    clientSecret: intent.clientSecret, orderNumber: intent.metadata?["order_number"])
            }
            guard let id else { throw failure(error.decline.message, retryable: false) }
            var payment = try await retrievePayment(id: id)
            payment.status = declined
            return payment
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, from body: Data) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            // The call went through, so retrying with the same key would replay this same body.
            throw failure("Stripe's response could not be read as a \(type).", retryable: false)
        }
    }

    private func pathComponent(_ id: String) throws -> String {
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw failure("'\(id)' is not a Stripe object id.", retryable: false)
        }
        return id
    }

    // MARK: - Transport

    private func send(
        _ method: HTTPMethod, _ path: String, form: StripeForm? = nil, idempotencyKey: String? = nil
    ) async throws -> StripeOutcome {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(secretKey)")
        request.headers.add(name: "Stripe-Version", value: Self.apiVersion)
        if let idempotencyKey { request.headers.add(name: "Idempotency-Key", value: idempotencyKey) }
        if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: form.encoded))
        }
        let status: Int
        let shouldRetry: String?
        let body: Data
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(timeout.nanoseconds))
            status = Int(response.status.code)
            shouldRetry = response.headers.first(name: "Stripe-Should-Retry")
            body = Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw failure("no answer within \(timeout) for \(method) \(path).", retryable: true)
        } catch {
            throw failure("could not reach Stripe for \(method) \(path): \(error).", retryable: true)
        }
        return try outcome(status: status, body: body, shouldRetry: shouldRetry)
    }

    private func outcome(status: Int, body: Data, shouldRetry: String?) throws -> StripeOutcome {
        if (200..<300).contains(status) { return .ok(body) }
        let error = (try? JSONDecoder().decode(StripeAPIError.Body.self, from: body))?.error
        if status == 402, error?.type == "card_error", let error { return .cardDeclined(error) }
        let retryable: Bool
        switch (status, error?.type) {
        case (_, "idempotency_error"): retryable = false
        // Stripe's own libraries obey this header over the status code when it is present.
        case _ where shouldRetry == "true": retryable = true
        case _ where shouldRetry == "false": retryable = false
        // A 409 that is not about the idempotency key is a lock on the object held by a concurrent request.
        case (409, _), (429, _), (500..., _): retryable = true
        default: retryable = false
        }
        let kind = [error?.type, error?.code].compactMap { $0 }.joined(separator: ", ")
        let message = error?.message ?? "no error message"
        throw failure("HTTP \(status)\(kind.isEmpty ? "" : " (\(kind))"): \(message)", retryable: retryable)
    }

    /// Every error detail passes through here: Stripe masks keys in its messages, but a proxy or a future message
    /// might not, and neither the secret key nor a client secret may reach a log.
    private func failure(_ detail: String, retryable: Bool) -> PaymentGatewayError {
        var safe = secretKey.isEmpty ? detail : detail.replacingOccurrences(of: secretKey, with: "[secret key]")
        safe = safe.replacingOccurrences(
            of: #"[A-Za-z0-9]+_secret_[A-Za-z0-9]+"#, with: "[client secret]", options: .regularExpression)
        return PaymentGatewayError(provider: provider, detail: safe, retryable: retryable)
    }
}

/// What a Stripe call produced that is not an error: a 2xx body, or a card decline (HTTP 402, `card_error`).
private enum StripeOutcome {
    case ok(Data)
    case cardDeclined(StripeAPIError)
}

extension Duration {
    fileprivate var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
