import Foundation
import MercatoCore
import Prometheus

/// The server's Prometheus metrics, kept in its own registry so tests and several servers in one process
/// do not share counters.
public struct ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let ordersPlaced: Counter
    let ordersPaid: Counter
    let holdsReleased: Counter

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        ordersPlaced = registry.makeCounter(name: "mercato_orders_placed_total", help: "Orders created at checkout.")
        ordersPaid = registry.makeCounter(name: "mercato_orders_paid_total", help: "Orders paid through the API.")
        holdsReleased = registry.makeCounter(
            name: "mercato_stock_holds_released_total", help: "Orders cancelled because their stock hold ended.")
    }

    func checkoutRefused(_ error: CheckoutError) {
        let reason =
            switch error {
            case .outOfStock: "out_of_stock"
            case .pricesChanged: "price_changed"
            case .cartExpired, .cartNotFound, .cartAlreadyOrdered: "cart"
            default: "invalid"
            }
        registry.makeCounter(
            name: "mercato_checkout_refused_total", labels: [("reason", reason)], help: "Checkouts refused, by reason."
        ).increment()
    }

    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(name: "http_requests_total", labels: labels, help: "HTTP requests answered.").increment()
        registry.makeDurationHistogram(
            name: "http_request_duration_seconds", labels: [("route", route)],
            buckets: [.milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(300), .seconds(1), .seconds(5)],
            help: "Time to answer a request."
        ).record(duration)
    }
}
