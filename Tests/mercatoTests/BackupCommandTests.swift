import Foundation
import GRDB
import MercatoDatabase
import Testing

@testable import mercato

@Suite struct BackupCommandTests {
    /// Orders keep arriving while `mercato backup` copies the database: the copy opens, passes SQLite's
    /// integrity check and holds every order placed before the backup began.
    @Test func aBackupTakenWhileOrdersArriveHoldsEveryOrderPlacedBeforeIt() async throws {
        let shop = try CLIShop()
        defer { shop.remove() }
        let csv = try shop.write(
            "products.csv", "slug,name,category,price,stock\nblue-mug,Blue Mug,kitchen,12.50,5000\n")
        #expect(try shop.run("import", csv).status == 0)
        let database = try shop.database()
        var before: [String] = []
        for index in 0..<30 {
            before.append(try await CLIShop.placeOrder(database, number: "M-BKUP-\(index)", slug: "blue-mug").number)
        }
        let writes = Task.detached {
            for index in 30..<400 {
                try await CLIShop.placeOrder(database, number: "M-BKUP-\(index)", slug: "blue-mug")
            }
        }
        let file = shop.root.appendingPathComponent("backups/shop.sqlite").path
        let backup = try shop.run("backup", "--to", file)
        try await writes.value
        #expect(backup.status == 0, "\(backup.error)")
        #expect(backup.output.contains("integrity ok"))

        let copy = try DatabaseQueue(path: file)
        let (integrity, numbers) = try await copy.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                Set(try String.fetchAll(db, sql: "SELECT number FROM \"order\""))
            )
        }
        #expect(integrity == "ok")
        #expect(Set(before).isSubset(of: numbers))
        #expect(numbers.count <= 400)
        // The copy is a whole database: the server can open and migrate it.
        #expect(try await AppDatabase.open(at: file).orderDetails(number: before[0]).status == .pendingPayment)
    }

    @Test func aBackupRefusesToOverwriteTheShopsOwnDatabase() throws {
        let shop = try CLIShop()
        defer { shop.remove() }
        let own = shop.root.appendingPathComponent("var/mercato.sqlite").path
        let refused = try shop.run("backup", "--to", own)
        #expect(refused.status == 1)
        #expect(refused.error.contains("own database"))
        #expect(try shop.productCount() == 0)
    }
}
