import ArgumentParser
import Foundation
import MercatoCore
import MercatoDatabase
import MercatoServer

struct OrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders", abstract: "List, show and move orders: ship, deliver, cancel, refund.",
        discussion: "Each change is recorded in the order's history with the time and who made it (your user name).",
        subcommands: [List.self, Show.self, Ship.self, Deliver.self, Cancel.self, Refund.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The most recent orders, newest first.")
        @OptionGroup var options: ShopOptions
        @Option(help: "Only orders with this status (\(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))).")
        var status: String?
        @Option(help: "How many.") var limit = 50
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let filter = try status.map { text in
                guard let status = OrderStatus(rawValue: text) else { throw ValidationError("unknown status '\(text)'") }
                return status
            }
            let orders = try await options.openDatabase().orders(status: filter, limit: limit)
            if json { return try printJSON(orders.map(OrderLine.init)) }
            for order in orders {
                print(
                    [order.number, order.placedAt.formatted(.iso8601), order.status, amount(order.totalMinor, order.currency), order.email]
                        .joined(separator: "  "))
            }
            if orders.isEmpty { print("No orders.") }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One order with its lines, payment and history.")
        @OptionGroup var options: ShopOptions
        @Argument(help: "The order number, e.g. M-7K3Q-9XH2-PD4A.") var number: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let details = try await orderDetails(options, number)
            if json { return try printJSON(OrderLine(details.order)) }
            describe(details)
        }
    }

    struct Ship: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a paid order shipped.", discussion: "Example: mercato orders ship M-7K3Q-9XH2-PD4A --tracking 1Z999AA10123456784")
        @OptionGroup var options: ShopOptions
        @Argument var number: String
        @Option(help: "The carrier's tracking number.") var tracking: String

        func run() async throws {
            try await change(options, number) { database, actor in
                try await database.transitionOrder(number: number, to: .shipped, actor: actor, trackingNumber: tracking)
            }
        }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a shipped order delivered.")
        @OptionGroup var options: ShopOptions
        @Argument var number: String

        func run() async throws {
            try await change(options, number) { database, actor in
                try await database.transitionOrder(number: number, to: .delivered, actor: actor)
            }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel an order that has not shipped; a paid order is refunded in full through the gateway.")
        @OptionGroup var options: ShopOptions
        @Argument var number: String
        @Option(help: "Why, for the order's history.") var reason = "cancelled by the shop"

        func run() async throws {
            try await change(options, number) { database, actor in
                try await PaymentDesk(database: database, gateway: try PaymentGatewayChoice.fromEnvironment(database: database).gateway)
                    .cancel(number: number, actor: actor, note: reason)
            }
        }
    }

    struct Refund: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Refund a paid order through the payment gateway, in full or in part.",
            discussion: "Example: mercato orders refund M-7K3Q-9XH2-PD4A --amount 12.50")
        @OptionGroup var options: ShopOptions
        @Argument var number: String
        @Option(help: "Amount to refund, e.g. 12.50 (default: everything not yet refunded).") var amount: String?

        func run() async throws {
            let currency = try options.configuration().currency
            let minor = try amount.map { try Money.parse($0, currency: currency).minorUnits }
            try await change(options, number) { database, actor in
                try await PaymentDesk(database: database, gateway: try PaymentGatewayChoice.fromEnvironment(database: database).gateway)
                    .refund(number: number, amountMinor: minor, actor: actor)
            }
        }
    }
}

/// Runs a change and prints the order after it; a refused change exits with status 1 and says why.
private func change(
    _ options: ShopOptions, _ number: String, _ body: (AppDatabase, String) async throws -> OrderDetails
) async throws {
    let details: OrderDetails
    do {
        details = try await body(try options.openDatabase(), options.actor)
    } catch let error as OrderError {
        throw fail(error.message)
    } catch let error as PaymentGatewayError {
        throw fail(error.description)
    }
    describe(details)
}

private func orderDetails(_ options: ShopOptions, _ number: String) async throws -> OrderDetails {
    do { return try await options.openDatabase().orderDetails(number: number) } catch let error as OrderError {
        throw fail(error.message)
    }
}

private func describe(_ details: OrderDetails) {
    let order = details.order
    print("\(order.number)  \(details.status.label)  \(amount(order.totalMinor, order.currency))  \(order.email)")
    for item in details.items {
        print("  \(item.quantity) × \(item.productName) (\(item.productSlug)) at \(amount(item.unitPriceMinor, order.currency))")
    }
    print("  subtotal \(amount(order.subtotalMinor, order.currency)), discount \(amount(order.discountMinor, order.currency)), shipping \(amount(order.shippingMinor, order.currency)) (\(order.shippingMethod)), tax \(amount(order.taxMinor, order.currency))")
    if let tracking = order.trackingNumber { print("  tracking \(tracking)") }
    if let payment = details.payment {
        print("  payment \(payment.provider) \(payment.transactionId): \(payment.status), refunded \(amount(payment.refundedMinor, order.currency))")
    }
    for event in details.events {
        print("  \(event.occurredAt.formatted(.iso8601))  \(event.fromStatus ?? "-") → \(event.toStatus)  by \(event.actor)\(event.note.map { ": \($0)" } ?? "")")
    }
}

private func amount(_ minor: Int, _ currency: String) -> String {
    "\(Money(minorUnits: minor, currency: Currency(code: currency) ?? .usd).decimalString) \(currency)"
}

private struct OrderLine: Encodable {
    var number: String
    var status: String
    var email: String
    var currency: String
    var totalMinor: Int
    var placedAt: Date
    var trackingNumber: String?

    init(_ order: OrderRecord) {
        number = order.number
        status = order.status
        email = order.email
        currency = order.currency
        totalMinor = order.totalMinor
        placedAt = order.placedAt
        trackingNumber = order.trackingNumber
    }
}

private func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
