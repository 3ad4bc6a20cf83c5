/// A payment provider, seen from the server. Card details never pass through Mercato: the shopper's browser
/// gives the provider the card and Mercato only sees a payment-method token (e.g. `pm_…`).
///
/// Every call that moves money takes an idempotency key, so a retried call never charges or refunds twice.
public protocol PaymentGateway: Sendable {
    /// The provider's name as stored with each payment (`test`, `stripe`).
    var provider: String { get }

    /// The public key the provider's script in the shopper's browser needs (Stripe's `pk_…`), if it has one.
    var publishableKey: String? { get }

    /// Opens a payment for an order's total; nothing is charged yet.
    func createPayment(_ request: PaymentRequest) async throws -> GatewayPayment

    /// Charges the payment with the shopper's payment-method token.
    func confirmPayment(id: String, paymentMethod: String, idempotencyKey: String) async throws -> GatewayPayment

    /// The payment as the provider sees it now.
    func retrievePayment(id: String) async throws -> GatewayPayment

    /// Returns `amountMinor` of a succeeded payment to the shopper.
    func refund(paymentId: String, amountMinor: Int, idempotencyKey: String) async throws -> GatewayRefund

    /// Every refund of the payment the provider holds that has not failed or been cancelled, including refunds
    /// made outside Mercato (in the provider's dashboard).
    func refunds(paymentId: String) async throws -> [GatewayRefund]
}

/// What to charge, for which order.
public struct PaymentRequest: Sendable, Hashable {
    public var orderNumber: String
    public var amountMinor: Int
    public var currency: Currency
    public var email: String
    public var idempotencyKey: String

    public init(orderNumber: String, amountMinor: Int, currency: Currency, email: String, idempotencyKey: String) {
        self.orderNumber = orderNumber
        self.amountMinor = amountMinor
        self.currency = currency
        self.email = email
        self.idempotencyKey = idempotencyKey
    }
}

/// A payment as the provider reports it.
public struct GatewayPayment: Sendable, Hashable {
    public var id: String
    public var status: GatewayPaymentStatus
    public var amountMinor: Int
    public var currency: String
    /// Handed to the provider's script in the browser (Stripe's `client_secret`); never logged.
    public var clientSecret: String?
    /// The order the payment was opened for, as the provider echoes it (Stripe's metadata).
    public var orderNumber: String?

    public init(
        id: String, status: GatewayPaymentStatus, amountMinor: Int, currency: String, clientSecret: String? = nil,
        orderNumber: String? = nil
    ) {
        self.id = id
        self.status = status
        self.amountMinor = amountMinor
        self.currency = currency
        self.clientSecret = clientSecret
        self.orderNumber = orderNumber
    }
}

public enum GatewayPaymentStatus: Sendable, Hashable {
    /// Waiting for a payment method, or the last one was declined (with the provider's reason).
    case requiresPaymentMethod(declined: PaymentDecline?)
    /// Accepted by the provider; the result arrives later (a webhook or a later retrieve).
    case processing
    case succeeded
    case cancelled
}

/// Why a card was declined: the provider's code and a message a shopper can act on.
public struct PaymentDecline: Sendable, Hashable, Codable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

public struct GatewayRefund: Sendable, Hashable {
    public var id: String
    public var amountMinor: Int
    public var succeeded: Bool

    public init(id: String, amountMinor: Int, succeeded: Bool) {
        self.id = id
        self.amountMinor = amountMinor
        self.succeeded = succeeded
    }
}

/// The provider could not be reached or answered with an error that is not the shopper's doing.
public struct PaymentGatewayError: Error, Sendable, Hashable, CustomStringConvertible {
    public var provider: String
    public var detail: String
    /// Whether retrying the same call (with the same idempotency key) may succeed.
    public var retryable: Bool

    public init(provider: String, detail: String, retryable: Bool) {
        self.provider = provider
        self.detail = detail
        self.retryable = retryable
    }

    public var description: String { "\(provider) payment error: \(detail)" }
}
