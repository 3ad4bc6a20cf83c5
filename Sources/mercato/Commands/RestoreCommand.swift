import ArgumentParser
import Foundation
import MercatoDatabase

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the shop's database with a backup (stop the server first).",
        discussion: """
            Checks FILE (PRAGMA integrity_check, a Mercato schema), then copies it
            over the shop's database with SQLite's backup API and migrates it to
            this version. Refuses while another process, such as `mercato serve`,
            has the database open. A write-ahead log a killed server left behind
            is dealt with, not replayed over the restored data. Everything written
            since the backup is lost.
            Example: mercato restore --from backups/mercato-2026-11-24.sqlite
            """)

    @OptionGroup var options: ShopOptions
    @Option(help: "The backup file to restore.") var from: String

    func run() async throws {
        let target = options.layout.database
        guard URL(fileURLWithPath: from).standardizedFileURL.path != target.standardizedFileURL.path else {
            throw fail("--from names the shop's own database; choose a backup file")
        }
        let report: BackupReport
        do {
            report = try AppDatabase.restore(from: from, to: target.path)
        } catch let error as BackupError {
            throw fail(error.description)
        }
        print(
            "Restored \(target.path) from \(from): \(report.orders) orders, "
                + "\(String(format: "%.1f", Double(report.bytes) / 1_000_000)) MB, integrity \(report.integrity).")
    }
}
