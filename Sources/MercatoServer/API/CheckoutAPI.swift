import Foundation
import HTTPTypes
import Hummingbird
import MercatoCore
import MercatoDatabase

/// The routes of `/api/v1`, as `openapi.yaml` describes them.
struct CheckoutAPI: Sendable {
    let database: AppDatabase
    let desk: PaymentDesk
    let settings: CheckoutSettings
    let tokens: TrackingTokens
    let metrics: ServerMetrics
    var idempotent: IdempotentRequests { IdempotentRequests(database: database) }

    func register(on api: RouterGroup<APIRequestContext>) {
        api.get("shipping-methods") { _, _ in try JSONAnswer(PricingJSON(settings)).response }
        api.get("products/availability") { request, _ in try await availability(request) }
        api.post("carts") { request, context in
            let line = try await JSONBody.optionalBytes(of: request, context: context).map {
                try JSONBody.decode(CartLineRequest.self, from: $0)
            }
            let cart = try await database.createCart(
                token: cartToken(), currency: settings.currency, rules: settings.cartRules, firstLine: line)
            return JSONAnswer(CartJSON(cart), status: .created).response
        }
        api.get("carts/:cartToken") { _, context in
            JSONAnswer(CartJSON(try await database.cart(token: context.parameters.require("cartToken")))).response
        }
        api.post("carts/:cartToken/lines") { request, context in
            let body = try await JSONBody.bytes(of: request, context: context)
            let line = try JSONBody.decode(CartLineRequest.self, from: body)
            let cart = try await database.addToCart(
                token: context.parameters.require("cartToken"), line: line, rules: settings.cartRules)
            return JSONAnswer(CartJSON(cart)).response
        }
        api.put("carts/:cartToken/lines/:slug") { request, context in
            let line = try JSONBody.decode(
                SetQuantity.self, from: try await JSONBody.bytes(of: request, context: context))
            let cart = try await database.setCartQuantity(
                token: context.parameters.require("cartToken"), slug: context.parameters.require("slug"),
                quantity: line.quantity, rules: settings.cartRules)
            return JSONAnswer(CartJSON(cart)).response
        }
        api.delete("carts/:cartToken/lines/:slug") { _, context in
            let cart = try await database.removeFromCart(
                token: context.parameters.require("cartToken"), slug: context.parameters.require("slug"),
                rules: settings.cartRules)
            return JSONAnswer(CartJSON(cart)).response
        }
        api.post("carts/:cartToken/accept-prices") { _, context in
            let cart = try await database.acceptCartPrices(
                token: context.parameters.require("cartToken"), rules: settings.cartRules)
            return JSONAnswer(CartJSON(cart)).response
        }
        api.post("checkout") { request, context in
            let body = try await JSONBody.bytes(of: request, context: context)
            return try await idempotent.respond(
                operation: "checkout", request: request, body: body, context: context,
                claimingInFirstWrite: { claim in
                    try await checkout(JSONBody.decode(CheckoutBody.self, from: body), claim: claim)
                })
        }
        api.get("orders/:number") { request, context in
            let number = try context.parameters.require("number")
            try requireTrackingToken(request.uri.queryParameters["token"].map(String.init), for: number)
            // A payment still being confirmed (3-D Secure in the shopper's browser) is asked after at the gateway.
            let details = try await desk.refresh(try await database.orderDetails(number: number), actor: "shopper")
            return JSONAnswer(orderJSON(details)).response
        }
        api.post("orders/:number/payments") { request, context in
            let number = try context.parameters.require("number")
            let body = try await JSONBody.bytes(of: request, context: context)
            return try await idempotent.respond(operation: "pay", request: request, body: body, context: context) {
                let payment = try JSONBody.decode(PayBody.self, from: body)
                try requireTrackingToken(payment.token, for: number)
                let attempt = request.headers[.idempotencyKey] ?? randomToken()
                return try answer(
                    for: try await desk.pay(
                        number: number, paymentMethod: payment.paymentMethod, attemptKey: attempt, actor: "shopper"))
            }
        }
        api.post("orders/:number/cancel") { request, context in
            let number = try context.parameters.require("number")
            let body = try JSONBody.decode(
                TokenBody.self, from: try await JSONBody.bytes(of: request, context: context))
            try requireTrackingToken(body.token, for: number)
            let details = try await desk.cancel(number: number, actor: "shopper", note: "cancelled by the shopper")
            return JSONAnswer(orderJSON(details)).response
        }
    }

    private func checkout(_ body: CheckoutBody, claim: IdempotencyClaim?) async throws -> JSONAnswer {
        let placement = OrderPlacement(
            cartToken: body.cartToken, email: try EmailAddress.validated(body.email),
            address: try body.shippingAddress.validated(shipsTo: settings.pricing.shipsTo),
            shippingMethod: try settings.pricing.shippingMethod(body.shippingMethod),
            discountCode: body.discountCode.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 },
            orderNumber: newOrderNumber(), holdDuration: settings.holdDuration, actor: "shopper")
        let details: OrderDetails
        do {
            details = try await placeOrder(placement, claim: claim)
        } catch let error as CheckoutError {
            metrics.checkoutRefused(error)
            throw error
        }
        metrics.ordersPlaced.increment()
        // A gateway that is down does not lose the order: paying later opens the payment then.
        let opened = (try? await desk.openPayment(for: details)) ?? details
        return JSONAnswer(orderJSON(opened), status: .created)
    }

    /// Places the order, drawing a new number if the one drawn was taken (see ``OrderNumberTaken``).
    private func placeOrder(_ placement: OrderPlacement, claim: IdempotencyClaim?) async throws -> OrderDetails {
        var placement = placement
        for _ in 1..<3 {
            do {
                return try await database.placeOrder(placement, policy: settings.pricing, claim: claim)
            } catch is OrderNumberTaken {
                placement.orderNumber = newOrderNumber()
            }
        }
        return try await database.placeOrder(placement, policy: settings.pricing, claim: claim)
    }

    private func answer(for settlement: PaymentSettlement) throws -> JSONAnswer {
        switch settlement {
        case .paid(let details):
            metrics.ordersPaid.increment()
            return JSONAnswer(orderJSON(details))
        case .alreadySettled(let details):
            return JSONAnswer(orderJSON(details))
        case .processing(let details):
            return JSONAnswer(orderJSON(details), status: .accepted)
        case .declined(_, let decline):
            throw Problem(
                .init(code: 402, reasonPhrase: "Payment Required"), "payment-declined", "Payment declined",
                detail: (decline?.message ?? "The payment was declined.") + " Nothing was charged.",
                field: "paymentMethod")
        case .refundNeeded(let details, _, _):
            throw Problem(
                .conflict, "order-closed", "Order closed",
                detail: "Order \(details.number) is \(details.status.label), so the payment was refunded in full.")
        case .ignored(let reason):
            throw Problem(.conflict, "payment-mismatch", "Payment not applied", detail: reason)
        }
    }

    private func orderJSON(_ details: OrderDetails) -> OrderJSON {
        let key = details.payment?.provider == desk.gateway.provider ? desk.gateway.publishableKey : nil
        return OrderJSON(details, trackingToken: tokens.token(for: details.number), publishableKey: key)
    }

    /// Refuses a token that is not the order's tracking token, as if the order did not exist: an unknown
    /// number and a wrong token look the same.
    private func requireTrackingToken(_ token: String?, for number: String) throws {
        guard OrderNumber.isWellFormed(number), let token, tokens.isValid(token, for: number) else {
            throw OrderError.notFound(number)
        }
    }

    private func availability(_ request: Request) async throws -> Response {
        let list = request.uri.queryParameters["slugs"].map(String.init) ?? ""
        guard list.unicodeScalars.count <= 4000 else {
            throw Problem.badRequest(
                "The slugs list is longer than 4,000 characters; ask for 50 products at most.", field: "slugs")
        }
        let slugs = list.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !slugs.isEmpty, slugs.count <= 50 else {
            throw Problem.badRequest("Give 1 to 50 product slugs, separated by commas, in ?slugs=.", field: "slugs")
        }
        let products = try await database.availability(slugs: slugs).map(AvailabilityJSON.init)
        return JSONAnswer(AvailabilityListJSON(products: products)).response
    }
}

/// 32 characters from 57 (about 187 bits).
func randomToken() -> String { String(decoding: randomLetters(32), as: UTF8.self) }

/// A cart's token: 32 characters of the same alphabet, the first 8 the millisecond it was made (written with the
/// alphabet in byte order, so that tokens sort as they were made), the other 24 drawn at random (about 140 bits).
/// New carts then go on the last pages of the cart indexes, where a group commit writes one page for all the
/// carts and lines of its batch; a token drawn wholly at random put each new cart on a page of its own.
func cartToken(madeAt date: Date = Date()) -> String {
    var milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
    var time = [UInt8](repeating: 0, count: 8)
    for index in time.indices.reversed() {
        time[index] = sortedTokenAlphabet[Int(milliseconds % 57)]
        milliseconds /= 57
    }
    return String(decoding: time + randomLetters(24), as: UTF8.self)
}

/// `count` letters of the alphabet, drawn from the system's generator a 64-bit word at a time: one system call
/// per eight bytes rather than one per letter.
private func randomLetters(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    var letters: [UInt8] = []
    letters.reserveCapacity(count)
    while letters.count < count {
        var word: UInt64 = generator.next()
        for _ in 0..<8 where letters.count < count {
            let byte = UInt8(truncatingIfNeeded: word)
            word >>= 8
            // 228 is 4 × 57: bytes past it are dropped, so that every letter is equally likely.
            if byte < 228 { letters.append(tokenAlphabet[Int(byte % 57)]) }
        }
    }
    return letters
}

private let tokenAlphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".utf8)
private let sortedTokenAlphabet = tokenAlphabet.sorted()

private func newOrderNumber() -> String {
    var generator = SystemRandomNumberGenerator()
    return OrderNumber.make(using: &generator)
}
