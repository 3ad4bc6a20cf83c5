import Foundation
import MercatoCore
import MercatoDatabase
import MercatoServer
import Testing

@testable import mercato

@Suite struct OrdersCommandTests {
    /// An order paid through the test gateway, as the server would take it.
    private func paidOrder(in shop: CLIShop) async throws -> (AppDatabase, String) {
        let csv = try shop.write("products.csv", "slug,name,category,price,stock\nblue-mug,Blue Mug,kitchen,12.50,5\n")
        #expect(try shop.run("import", csv).status == 0)
        let database = try shop.database()
        let order = try await CLIShop.placeOrder(database, number: "M-7K3Q-9XH2-PD4A", slug: "blue-mug", quantity: 2)
        let desk = PaymentDesk(database: database, gateway: TestCardGateway(ledger: database))
        let settlement = try await desk.pay(number: order.number, paymentMethod: "pm_card_visa", attemptKey: "a", actor: "shopper")
        guard case .paid = settlement else { throw OrderError.paymentMissing(number: order.number) }
        return (database, order.number)
    }

    @Test func aMerchandiserShipsDeliversAndRefundsFromTheTerminal() async throws {
        let shop = try CLIShop()
        defer { shop.remove() }
        let (database, number) = try await paidOrder(in: shop)
        let listed = try shop.run("orders", "list", "--status", "paid")
        #expect(listed.output.contains(number))
        #expect(try shop.run("orders", "ship", number).status != 0)
        let shipped = try shop.run("orders", "ship", number, "--tracking", "1Z999AA10123456784")
        #expect(shipped.status == 0)
        #expect(shipped.output.contains("shipped"))
        let cancel = try shop.run("orders", "cancel", number)
        #expect(cancel.status == 1)
        #expect(cancel.error.contains("already shipped"))
        #expect(try shop.run("orders", "deliver", number).status == 0)
        // Refunds go through the gateway, in another process than the one that charged.
        let partial = try shop.run("orders", "refund", number, "--amount", "5.00")
        #expect(partial.status == 0, "\(partial.error)")
        #expect(try await database.orderDetails(number: number).payment?.refundedMinor == 500)
        #expect(try shop.run("orders", "refund", number, "--amount", "999.00").status == 1)
        #expect(try shop.run("orders", "refund", number).status == 0)
        let details = try await database.orderDetails(number: number)
        #expect(details.status == .refunded)
        #expect(details.payment?.refundedMinor == details.order.totalMinor)
        let actors = Set(details.events.dropFirst(2).map(\.actor))
        #expect(actors.count == 1 && actors.first?.hasPrefix("cli:") == true)
        let json = try shop.run("orders", "show", number, "--json")
        #expect(json.output.contains(#""status" : "refunded""#))
    }

    @Test func cancellingAPaidOrderFromTheTerminalRefundsItAndRestocks() async throws {
        let shop = try CLIShop()
        defer { shop.remove() }
        let (database, number) = try await paidOrder(in: shop)
        #expect(try shop.run("orders", "cancel", number, "--reason", "customer called").status == 0)
        let details = try await database.orderDetails(number: number)
        #expect(details.status == .cancelled)
        #expect(details.payment?.status == "refunded")
        #expect(details.events.last?.note == "customer called")
        #expect(try shop.run("orders", "show", "M-0000-0000-0000").status == 1)
    }
}
