import Foundation

/// Stripe's API as its documentation describes it, kept in memory: the secret-key check, idempotency keys,
/// PaymentIntents, the test payment methods and refunds. `FakeStripeServer` puts it on a real port.
actor FakeStripe {
    static let secretKey = "sk_test_51MercatoFake0SecretKey0ForTests0Only"

    /// Ways to make the next request fail before Stripe's endpoint runs, so no idempotent result is saved.
    enum Fault: Sendable {
        case serverError
        case rateLimited
        /// Answers normally, but only after this long.
        case slow(Duration)
        /// A 400 whose message repeats the caller's key and a client secret, as a careless proxy might.
        case echoingCredentials
    }

    private(set) var intentsCreated = 0
    private(set) var replays = 0
    private(set) var requests: [FakeStripeRequest] = []
    private var refundStatus = "succeeded"
    private var embedsIntentInDeclines = true
    private var faults: [Fault] = []
    private var intents: [String: FakeStripeIntent] = [:]
    /// Each PaymentIntent's refunds, oldest first.
    private var refunds: [String: [[String: Any]]] = [:]
    private var saved: [String: (fingerprint: String, response: FakeStripeResponse)] = [:]
    private var serial = 0

    func failNext(_ fault: Fault) { faults.append(fault) }

    /// The status the next refunds get; Stripe leaves some refunds `pending` for days.
    func settleRefunds(as status: String) { refundStatus = status }

    /// Stripe documents `payment_intent` in an error as present only for errors about a PaymentIntent; this
    /// drops it so clients are tested on reading the payment back.
    func omitIntentFromDeclines() { embedsIntentInDeclines = false }

    func intent(_ id: String) -> FakeStripeIntent? { intents[id] }

    /// What Stripe.js does once the shopper passes the bank's 3-D Secure check.
    func completeAction(_ id: String) {
        guard var intent = intents[id], intent.status == "requires_action" else { return }
        intent.status = "succeeded"
        intents[id] = intent
    }

    /// A refund made in Stripe's dashboard, which Mercato hears of only through `charge.refunded`.
    func refundFromDashboard(intent id: String, amount: Int) -> Bool {
        refund(["payment_intent": id, "amount": String(amount)]).status == 200
    }

    /// A `charge.refunded` event for the intent's charge, as Stripe sends it (without the refunds list, which
    /// API versions from 2022-11-15 on no longer embed).
    func chargeRefundedEvent(_ eventId: String, intent id: String) -> String? {
        guard let intent = intents[id] else { return nil }
        return """
            {"id":"\(eventId)","object":"event","type":"charge.refunded","created":1790000000,"data":{"object":{
            "id":"ch_\(id.dropFirst(3))","object":"charge","amount":\(intent.amount),"amount_refunded":\(intent.amountRefunded),
            "payment_intent":"\(id)","refunded":\(intent.amountRefunded == intent.amount)}}}
            """
    }

    func respond(to request: FakeStripeRequest) async -> FakeStripeResponse {
        requests.append(request)
        guard let key = request.headers["authorization"], key == "Bearer \(Self.secretKey)" else {
            let presented = request.headers["authorization"]?.split(separator: " ").last.map(String.init) ?? ""
            return .error(
                401, type: "invalid_request_error", message: "Invalid API Key provided: \(Self.mask(presented))")
        }
        if !faults.isEmpty {
            switch faults.removeFirst() {
            case .serverError:
                return .error(500, type: "api_error", message: "An unknown error occurred on Stripe's servers.")
            case .rateLimited:
                return .error(
                    429, type: "invalid_request_error", code: "rate_limit",
                    message: "Too many requests hit the API too quickly.")
            case .echoingCredentials:
                let clientSecret = intents.values.first?.clientSecret ?? "pi_1_secret_abc"
                return .error(
                    400, type: "invalid_request_error", message: "Rejected \(key) while showing \(clientSecret)")
            case .slow(let delay):
                try? await Task.sleep(for: delay)
            }
        }
        guard request.method == "POST", let idempotencyKey = request.headers["idempotency-key"] else {
            return route(request)
        }
        let fingerprint = request.method + " " + request.path + "?" + request.form.sorted().joined(separator: "&")
        if let earlier = saved[idempotencyKey] {
            guard earlier.fingerprint == fingerprint else {
                return .error(
                    400, type: "idempotency_error",
                    message: "Keys for idempotent requests can only be used with the same parameters they were first "
                        + "used with. Try using a key other than '\(idempotencyKey)' if you meant to execute a "
                        + "different request.")
            }
            replays += 1
            var replay = earlier.response
            replay.replayed = true
            return replay
        }
        let response = route(request)
        if response.executed { saved[idempotencyKey] = (fingerprint, response) }
        return response
    }

    private func route(_ request: FakeStripeRequest) -> FakeStripeResponse {
        let parts = Array(request.path.split(separator: "/").map(String.init).dropFirst())
        switch (request.method, parts.first, parts.count, parts.last) {
        case ("POST", "payment_intents", 1, _): return create(request.fields)
        case ("POST", "payment_intents", 3, "confirm"): return confirm(parts[1], request.fields)
        case ("GET", "payment_intents", 2, _):
            guard let intent = intents[parts[1]] else { return .missing("payment_intent", parts[1], param: "intent") }
            return .ok(intent.json)
        case ("POST", "refunds", 1, _): return refund(request.fields)
        case ("GET", "refunds", 1, _): return listRefunds(request.fields)
        default:
            return .error(
                404, type: "invalid_request_error",
                message: "Unrecognized request URL (\(request.method): \(request.path)).")
        }
    }

    private func create(_ fields: [String: String]) -> FakeStripeResponse {
        guard let amountText = fields["amount"] else {
            return .invalid("parameter_missing", "Missing required param: amount.", param: "amount")
        }
        guard let amount = Int(amountText), amount >= 1 else {
            return .invalid(
                "parameter_invalid_integer", "This value must be greater than or equal to 1.", param: "amount")
        }
        guard let currency = fields["currency"], currency.count == 3, currency == currency.lowercased() else {
            return .invalid(
                "parameter_invalid_string", "Invalid currency: \(fields["currency"] ?? "").", param: "currency")
        }
        serial += 1
        intentsCreated += 1
        let id = "pi_\(serial)Fake"
        var metadata: [String: String] = [:]
        for (name, value) in fields where name.hasPrefix("metadata[") && name.hasSuffix("]") {
            metadata[String(name.dropFirst("metadata[".count).dropLast())] = value
        }
        let intent = FakeStripeIntent(
            id: id, amount: amount, currency: currency, clientSecret: "\(id)_secret_\(serial)Xyz", metadata: metadata,
            receiptEmail: fields["receipt_email"],
            paymentMethodTypes: fields["payment_method_types[]"].map { [$0] } ?? ["card"])
        intents[id] = intent
        return .ok(intent.json)
    }

    private func confirm(_ id: String, _ fields: [String: String]) -> FakeStripeResponse {
        guard var intent = intents[id] else { return .missing("payment_intent", id, param: "intent") }
        guard intent.status != "succeeded" else {
            return .invalid(
                "payment_intent_unexpected_state",
                "You cannot confirm this PaymentIntent because it has already succeeded after being previously "
                    + "confirmed.",
                param: nil)
        }
        guard let method = fields["payment_method"] else {
            return .invalid(
                "payment_intent_unexpected_state",
                "You cannot confirm this PaymentIntent because it's missing a payment method.", param: nil)
        }
        switch method {
        case "pm_card_visa", "pm_card_mastercard":
            intent.status = "succeeded"
            intent.lastPaymentError = nil
        case "pm_card_authenticationRequired":
            intent.status = "requires_action"
        case "pm_card_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds":
            let decline =
                method == "pm_card_chargeDeclined"
                ? FakeStripeIntent.Decline(reason: "generic_decline", message: "Your card was declined.")
                : FakeStripeIntent.Decline(reason: "insufficient_funds", message: "Your card has insufficient funds.")
            intent.status = "requires_payment_method"
            intent.lastPaymentError = decline
            intents[id] = intent
            var error = decline.json
            if embedsIntentInDeclines { error["payment_intent"] = intent.json }
            return .init(status: 402, json: ["error": error])
        default:
            return .missing("PaymentMethod", method, param: "payment_method")
        }
        intents[id] = intent
        return .ok(intent.json)
    }

    private func refund(_ fields: [String: String]) -> FakeStripeResponse {
        guard let id = fields["payment_intent"], var intent = intents[id] else {
            return .missing("payment_intent", fields["payment_intent"] ?? "", param: "payment_intent", status: 400)
        }
        guard intent.status == "succeeded" else {
            return .invalid(
                "charge_not_succeeded", "This PaymentIntent does not have a successful charge to refund.", param: nil)
        }
        let remaining = intent.amount - intent.amountRefunded
        guard remaining > 0 else {
            return .invalid("charge_already_refunded", "Charge for \(id) has already been refunded.", param: nil)
        }
        let amount = fields["amount"].flatMap { Int($0) } ?? remaining
        guard amount <= remaining else {
            return .invalid(
                nil,
                "Refund amount (\(Self.dollars(amount))) is greater than unrefunded amount on charge "
                    + "(\(Self.dollars(remaining))).", param: "amount")
        }
        serial += 1
        intent.amountRefunded += amount
        intents[id] = intent
        let refund: [String: Any] = [
            "id": "re_\(serial)Fake", "object": "refund", "amount": amount, "currency": intent.currency,
            "payment_intent": id, "status": refundStatus,
        ]
        refunds[id, default: []].append(refund)
        return .ok(refund)
    }

    /// `GET /v1/refunds`: newest first, `limit` (1 to 100, default 10) a page, `starting_after` an id.
    private func listRefunds(_ fields: [String: String]) -> FakeStripeResponse {
        let limit = fields["limit"].flatMap { Int($0) } ?? 10
        guard (1...100).contains(limit) else {
            return .invalid(nil, "Invalid integer: \(fields["limit"] ?? "")", param: "limit")
        }
        var listed = fields["payment_intent"].map { refunds[$0] ?? [] } ?? refunds.values.flatMap { $0 }
        listed.reverse()
        if let after = fields["starting_after"] {
            guard let index = listed.firstIndex(where: { $0["id"] as? String == after }) else {
                return .missing("refund", after, param: "starting_after")
            }
            listed = Array(listed[(index + 1)...])
        }
        return .ok([
            "object": "list", "url": "/v1/refunds", "data": Array(listed.prefix(limit)), "has_more": listed.count > limit,
        ])
    }

    /// How Stripe shows a rejected key: its first 8 and last 4 characters.
    private static func mask(_ key: String) -> String {
        key.count > 12 ? key.prefix(8) + String(repeating: "*", count: key.count - 12) + key.suffix(4) : "****"
    }

    private static func dollars(_ cents: Int) -> String { String(format: "$%d.%02d", cents / 100, cents % 100) }
}
