import Foundation
import Hummingbird
import MercatoCore

/// An `application/problem+json` answer (RFC 9457): a status, a kind, and a sentence a person can act on.
struct Problem: HTTPResponseError, Encodable {
    var status: HTTPResponse.Status
    /// A path naming the kind of problem, e.g. `/problems/out-of-stock`.
    var type: String
    var title: String
    var detail: String
    var field: String?
    var lines: [StockShortage]?
    var priceChanges: [PriceChange]?
    var retryAfterSeconds: Int?
    var requestId: String?

    init(
        _ status: HTTPResponse.Status, _ kind: String, _ title: String, detail: String, field: String? = nil,
        lines: [StockShortage]? = nil, priceChanges: [PriceChange]? = nil, retryAfterSeconds: Int? = nil
    ) {
        self.status = status
        self.type = "/problems/\(kind)"
        self.title = title
        self.detail = detail
        self.field = field
        self.lines = lines
        self.priceChanges = priceChanges
        self.retryAfterSeconds = retryAfterSeconds
    }

    private enum CodingKeys: String, CodingKey {
        case type, title, status, detail, field, lines, priceChanges, retryAfterSeconds, requestId
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(Int(status.code), forKey: .status)
        try container.encode(detail, forKey: .detail)
        try container.encodeIfPresent(field, forKey: .field)
        try container.encodeIfPresent(lines, forKey: .lines)
        try container.encodeIfPresent(priceChanges, forKey: .priceChanges)
        try container.encodeIfPresent(retryAfterSeconds, forKey: .retryAfterSeconds)
        try container.encodeIfPresent(requestId, forKey: .requestId)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = self
        problem.requestId = context.id
        let body = try JSONBody.encoder.encode(problem)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension Problem {
    static func notFound(_ detail: String) -> Problem { Problem(.notFound, "not-found", "Not found", detail: detail) }

    static func badRequest(_ detail: String, field: String? = nil) -> Problem {
        Problem(.badRequest, "malformed-request", "Malformed request", detail: detail, field: field)
    }

    static func invalid(_ detail: String, field: String? = nil) -> Problem {
        Problem(.unprocessableContent, "invalid-field", "Invalid field", detail: detail, field: field)
    }

    /// The problem a domain error stands for.
    init?(_ error: any Error) {
        switch error {
        case let error as CheckoutError: self = Problem(checkout: error)
        case let error as OrderError: self = Problem(order: error)
        case let error as PaymentGatewayError:
            self = Problem(
                .badGateway, "payment-gateway", "Payment provider unavailable",
                detail: error.retryable
                    ? "The payment provider did not answer; nothing was charged twice. Please try again."
                    : "The payment provider refused the request; please try another payment method or contact us.")
        default: return nil
        }
    }

    private init(checkout error: CheckoutError) {
        let detail = error.message
        switch error {
        case .unknownProduct: self = Problem(.notFound, "unknown-product", "Unknown product", detail: detail, field: "slug")
        case .notInCart: self = Problem(.notFound, "not-in-cart", "Not in the cart", detail: detail, field: "slug")
        case .cartNotFound: self = Problem(.notFound, "cart-not-found", "Cart not found", detail: detail)
        case .cartExpired: self = Problem(.gone, "cart-expired", "Cart expired", detail: detail)
        case .cartAlreadyOrdered: self = Problem(.conflict, "cart-ordered", "Cart already ordered", detail: detail)
        case .productUnavailable:
            self = Problem(.conflict, "product-unavailable", "Product no longer sold", detail: detail, field: "slug")
        case .outOfStock(let lines):
            self = Problem(.conflict, "out-of-stock", "Not enough stock", detail: detail, lines: lines)
        case .pricesChanged(let changes):
            self = Problem(.conflict, "price-changed", "Prices changed", detail: detail, priceChanges: changes)
        case .emptyCart: self = Problem(.unprocessableContent, "empty-cart", "Empty cart", detail: detail)
        case .quantityOutOfRange:
            self = Problem(.unprocessableContent, "quantity-out-of-range", "Quantity out of range", detail: detail, field: "quantity")
        case .tooManyLines: self = Problem(.unprocessableContent, "too-many-lines", "Too many lines", detail: detail)
        case .invalidEmail: self = .invalid(detail, field: "email")
        case .invalidAddress(let field, _):
            self = Problem(.unprocessableContent, "invalid-address", "Invalid address", detail: detail, field: "shippingAddress.\(field)")
        case .unknownShippingMethod: self = .invalid(detail, field: "shippingMethod")
        case .unknownDiscountCode, .discountNotApplicable: self = .invalid(detail, field: "discountCode")
        case .currencyMismatch: self = Problem(.conflict, "currency-mismatch", "Currency mismatch", detail: detail)
        }
    }

    private init(order error: OrderError) {
        let detail = error.message
        switch error {
        case .notFound: self = .notFound("There is no order with this number and token.")
        case .transitionRefused: self = Problem(.conflict, "order-state", "Not possible now", detail: detail)
        case .trackingNumberRequired: self = .invalid(detail, field: "trackingNumber")
        case .paymentMissing: self = Problem(.conflict, "no-payment", "No payment", detail: detail)
        case .refundTooLarge: self = .invalid(detail, field: "amount")
        }
    }
}
