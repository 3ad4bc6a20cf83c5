import Foundation
import MercatoCore
import MercatoDatabase

/// The JSON the API sends, shaped as `openapi.yaml` says.
struct CartJSON: JSONWritable {
    struct Line: Encodable {
        var slug: String
        var name: String
        var url: String
        var imagePath: String?
        var quantity: Int
        var unitPriceMinor: Int
        var seenPriceMinor: Int
        var priceChanged: Bool
        var lineTotalMinor: Int
        var available: Int
        var stock: String
    }
    var token: String
    var status: String
    var orderNumber: String?
    var currency: String
    var lines: [Line]
    var itemCount: Int
    var subtotalMinor: Int
    var hasPriceChanges: Bool
    var hasStockProblems: Bool
    var expiresAt: Date

    init(_ cart: PricedCart) {
        token = cart.token
        status = cart.status
        orderNumber = cart.orderNumber
        currency = cart.currency
        lines = cart.lines.map { line in
            Line(
                slug: line.slug, name: line.name, url: Slug.productPath(line.slug), imagePath: line.imagePath,
                quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, seenPriceMinor: line.seenPriceMinor,
                priceChanged: line.priceChanged, lineTotalMinor: line.lineTotalMinor, available: line.available,
                stock: line.isSold ? line.stock.apiName : "unavailable")
        }
        itemCount = cart.itemCount
        subtotalMinor = cart.subtotalMinor
        hasPriceChanges = !cart.priceChanges.isEmpty
        hasStockProblems = cart.hasStockProblems
        expiresAt = cart.expiresAt
    }
}

struct OrderJSON: JSONWritable {
    struct Line: Encodable {
        var slug: String
        var name: String
        var quantity: Int
        var unitPriceMinor: Int
        var lineTotalMinor: Int
    }
    struct Event: Encodable {
        var status: String
        var label: String
        var at: Date
        var note: String?
    }
    struct Payment: Encodable {
        var provider: String
        var status: String
        var clientSecret: String?
        var publishableKey: String?
        var declineMessage: String?
        var refundedMinor: Int
    }
    var number: String
    var status: String
    var statusLabel: String
    var email: String
    var currency: String
    var lines: [Line]
    var totals: OrderTotals
    var shippingAddress: ShippingAddress?
    var shippingMethod: String
    var trackingNumber: String?
    var placedAt: Date
    var holdExpiresAt: Date?
    var trackingToken: String
    var trackingPath: String
    var history: [Event]
    var payment: Payment?
    var canCancel: Bool

    /// - Parameter publishableKey: the gateway's key for its script in the browser, sent while the order awaits payment.
    init(_ details: OrderDetails, trackingToken: String, publishableKey: String? = nil) {
        let order = details.order
        number = order.number
        status = order.status
        statusLabel = details.status.label
        email = order.email
        currency = order.currency
        lines = details.items.map {
            Line(
                slug: $0.productSlug, name: $0.productName, quantity: $0.quantity, unitPriceMinor: $0.unitPriceMinor,
                lineTotalMinor: $0.unitPriceMinor * $0.quantity)
        }
        totals = details.totals
        shippingAddress = details.shippingAddress
        shippingMethod = order.shippingMethod
        trackingNumber = order.trackingNumber
        placedAt = order.placedAt
        holdExpiresAt = order.holdExpiresAt
        self.trackingToken = trackingToken
        trackingPath = "/orders/?number=\(order.number)&token=\(trackingToken)"
        history = details.events.map {
            Event(
                status: $0.toStatus, label: OrderStatus(rawValue: $0.toStatus)?.label ?? $0.toStatus, at: $0.occurredAt,
                note: $0.note)
        }
        payment = details.payment.map {
            Payment(
                provider: $0.provider, status: $0.status,
                clientSecret: details.status == .pendingPayment ? $0.clientSecret : nil,
                publishableKey: details.status == .pendingPayment ? publishableKey : nil,
                declineMessage: $0.status == "requires_payment_method" ? $0.declineMessage : nil,
                refundedMinor: $0.refundedMinor)
        }
        canCancel = details.canCancel
    }
}

// Keys in sorted order, as `JSONBody.encoder` writes them (see ``JSONWritable``).
extension CartJSON {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("currency", currency)
            json.field("expiresAt", expiresAt)
            json.field("hasPriceChanges", hasPriceChanges)
            json.field("hasStockProblems", hasStockProblems)
            json.field("itemCount", itemCount)
            json.key("lines")
            json.array(lines) { json, line in
                json.object { json in
                    json.field("available", line.available)
                    json.field("imagePath", line.imagePath)
                    json.field("lineTotalMinor", line.lineTotalMinor)
                    json.field("name", line.name)
                    json.field("priceChanged", line.priceChanged)
                    json.field("quantity", line.quantity)
                    json.field("seenPriceMinor", line.seenPriceMinor)
                    json.field("slug", line.slug)
                    json.field("stock", line.stock)
                    json.field("unitPriceMinor", line.unitPriceMinor)
                    json.field("url", line.url)
                }
            }
            json.field("orderNumber", orderNumber)
            json.field("status", status)
            json.field("subtotalMinor", subtotalMinor)
            json.field("token", token)
        }
    }
}

extension OrderJSON {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("canCancel", canCancel)
            json.field("currency", currency)
            json.field("email", email)
            json.key("history")
            json.array(history) { json, event in
                json.object { json in
                    json.field("at", event.at)
                    json.field("label", event.label)
                    json.field("note", event.note)
                    json.field("status", event.status)
                }
            }
            json.field("holdExpiresAt", holdExpiresAt)
            json.key("lines")
            json.array(lines) { json, line in
                json.object { json in
                    json.field("lineTotalMinor", line.lineTotalMinor)
                    json.field("name", line.name)
                    json.field("quantity", line.quantity)
                    json.field("slug", line.slug)
                    json.field("unitPriceMinor", line.unitPriceMinor)
                }
            }
            json.field("number", number)
            if let payment {
                json.key("payment")
                json.object { json in
                    json.field("clientSecret", payment.clientSecret)
                    json.field("declineMessage", payment.declineMessage)
                    json.field("provider", payment.provider)
                    json.field("publishableKey", payment.publishableKey)
                    json.field("refundedMinor", payment.refundedMinor)
                    json.field("status", payment.status)
                }
            }
            json.field("placedAt", placedAt)
            if let address = shippingAddress {
                json.key("shippingAddress")
                json.object { json in
                    json.field("city", address.city)
                    json.field("country", address.country)
                    json.field("line1", address.line1)
                    json.field("line2", address.line2)
                    json.field("name", address.name)
                    json.field("phone", address.phone)
                    json.field("postalCode", address.postalCode)
                    json.field("region", address.region)
                }
            }
            json.field("shippingMethod", shippingMethod)
            json.field("status", status)
            json.field("statusLabel", statusLabel)
            json.key("totals")
            json.object { json in
                json.field("discountMinor", totals.discountMinor)
                json.field("shippingMinor", totals.shippingMinor)
                json.field("subtotalMinor", totals.subtotalMinor)
                json.field("taxMinor", totals.taxMinor)
                json.field("totalMinor", totals.totalMinor)
            }
            json.field("trackingNumber", trackingNumber)
            json.field("trackingPath", trackingPath)
            json.field("trackingToken", trackingToken)
        }
    }
}

extension StockLevel {
    var apiName: String {
        switch self {
        case .inStock: "in_stock"
        case .lowStock: "low_stock"
        case .outOfStock: "out_of_stock"
        }
    }
}
