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
        try shop.importBlueMug(stock: 5000)
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

    /// A server killed mid-way leaves its database file and its write-ahead log. Restoring a backup over them
    /// brings back exactly the backup's orders: the log is not replayed over the restored file (as it is when
    /// the file is copied by hand, checked here on a second copy).
    @Test func aRestoreBringsBackTheBackupNotTheLogAKilledServerLeft() async throws {
        let shop = try CLIShop()
        defer { shop.remove() }
        try shop.importBlueMug(stock: 100)
        let database = try shop.database()
        for index in 0..<5 { try await CLIShop.placeOrder(database, number: "M-REST-\(index)", slug: "blue-mug") }
        let file = shop.root.appendingPathComponent("backups/shop.sqlite").path
        #expect(try shop.run("backup", "--to", file).status == 0)
        for index in 5..<12 { try await CLIShop.placeOrder(database, number: "M-REST-\(index)", slug: "blue-mug") }

        // The files as a killed server leaves them: copied while the database is open, its log not yet copied in.
        func crashImage() throws -> CLIShop {
            let image = try CLIShop()
            let folder = image.root.appendingPathComponent("var")
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent("mercato.sqlite\(suffix)"))
            }
            for suffix in ["", "-wal"] {
                try FileManager.default.copyItem(
                    at: shop.root.appendingPathComponent("var/mercato.sqlite\(suffix)"),
                    to: folder.appendingPathComponent("mercato.sqlite\(suffix)"))
            }
            return image
        }
        let byHand = try crashImage()
        defer { byHand.remove() }
        let byHandPath = byHand.root.appendingPathComponent("var/mercato.sqlite").path
        try FileManager.default.removeItem(atPath: byHandPath)
        try FileManager.default.copyItem(atPath: file, toPath: byHandPath)
        let replayed = try await DatabaseQueue(path: byHandPath).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"order\"")
        }
        #expect(replayed == 12, "copied by hand, the killed server's log is replayed over the backup")

        let crashed = try crashImage()
        defer { crashed.remove() }
        let restore = try crashed.run("restore", "--from", file)
        #expect(restore.status == 0, "\(restore.error)")
        #expect(restore.output.contains("5 orders") && restore.output.contains("integrity ok"), "\(restore.output)")
        let restored = try crashed.database()
        let numbers = try await restored.reader.read { db in
            try Set(String.fetchAll(db, sql: "SELECT number FROM \"order\""))
        }
        #expect(numbers == Set((0..<5).map { "M-REST-\($0)" }))
        #expect(try await restored.orderDetails(number: "M-REST-0").status == .pendingPayment)
    }

    /// A database another process has open (a running server) is not replaced, and neither is anything when
    /// the file is damaged or not a shop's database.
    @Test func aRestoreRefusesWhileTheServerRunsAndRefusesBadFiles() async throws {
        let shop = try CLIShop()
        defer { shop.remove() }
        try shop.importBlueMug(stock: 100)
        let file = shop.root.appendingPathComponent("backups/shop.sqlite").path
        #expect(try shop.run("backup", "--to", file).status == 0)

        let refused = try withExtendedLifetime(try shop.database()) { try shop.run("restore", "--from", file) }
        #expect(refused.status == 1)
        #expect(refused.error.contains("open in another process"), "\(refused.error)")

        let damaged = try shop.write("damaged.sqlite", String(repeating: "not a database ", count: 500))
        let refusedDamaged = try shop.run("restore", "--from", damaged)
        #expect(refusedDamaged.status == 1)
        #expect(refusedDamaged.error.contains("damaged.sqlite"), "\(refusedDamaged.error)")

        let foreign = shop.root.appendingPathComponent("foreign.sqlite").path
        try await DatabaseQueue(path: foreign).write { db in try db.execute(sql: "CREATE TABLE note (text TEXT)") }
        let refusedForeign = try shop.run("restore", "--from", foreign)
        #expect(refusedForeign.status == 1)
        #expect(refusedForeign.error.contains("not a Mercato database"), "\(refusedForeign.error)")

        let missing = try shop.run("restore", "--from", shop.root.appendingPathComponent("nothing.sqlite").path)
        #expect(missing.status == 1 && missing.error.contains("does not exist"))
        #expect(try shop.productCount() == 1)
    }
}

extension CLIShop {
    /// Imports one product, `blue-mug` in kitchen at $12.50, through the CLI.
    func importBlueMug(stock: Int) throws {
        let csv = try write(
            "products.csv", "slug,name,category,price,stock\nblue-mug,Blue Mug,kitchen,12.50,\(stock)\n")
        let imported = try run("import", csv)
        #expect(imported.status == 0, "\(imported.error)")
    }
}
