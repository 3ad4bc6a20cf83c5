import ArgumentParser
import Foundation
import MercatoDatabase

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the shop's database to a file, safely while the server runs.",
        discussion: """
            Uses SQLite's online backup: the copy is one consistent moment of the
            database, taken without stopping `mercato serve`, checked with PRAGMA
            integrity_check, and only then moved to FILE (an existing FILE is
            replaced). Restore with `mercato restore --from FILE` once the server
            is stopped.
            Example: mercato backup --to backups/mercato-$(date +%F).sqlite
            """)

    @OptionGroup var options: ShopOptions
    @Option(help: "The backup file to write.") var to: String

    func validate() throws {
        guard !to.isEmpty else { throw ValidationError("--to needs a file name") }
    }

    func run() async throws {
        let source = options.layout.database
        guard FileManager.default.fileExists(atPath: source.path) else { throw fail("\(source.path) does not exist") }
        guard URL(fileURLWithPath: to).standardizedFileURL.path != source.standardizedFileURL.path else {
            throw fail("--to names the shop's own database; choose another file")
        }
        let started = ContinuousClock.now
        let report: BackupReport
        do {
            report = try options.openDatabase().backup(to: to)
        } catch let error as BackupError {
            throw fail(error.description)
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        print(
            "Backed up \(source.path) to \(report.path): \(report.orders) orders, "
                + "\(String(format: "%.1f", Double(report.bytes) / 1_000_000)) MB, integrity \(report.integrity) "
                + "(\(String(format: "%.2f", seconds)) s).")
    }
}
