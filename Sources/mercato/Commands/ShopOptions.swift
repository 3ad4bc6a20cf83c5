import ArgumentParser
import Foundation
import MercatoCore
import MercatoDatabase
import MercatoSite

/// Options every command that works on a shop takes.
struct ShopOptions: ParsableArguments {
    @Option(name: .long, help: "The shop's folder (with mercato.yaml, Content/, Templates/, public/).")
    var shop: String = "."

    @Option(name: .long, help: "The SQLite database (default: <shop>/var/mercato.sqlite; env MERCATO_DATABASE).")
    var database: String?

    @Option(name: .long, help: "Where the site is written (default: <shop>/dist).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Override baseURL from mercato.yaml.")
    var baseURL: String?

    @Option(name: .customLong("shop-name"), help: "Override the shop's name.")
    var name: String?

    @Option(name: .long, help: "Override the currency (ISO 4217).")
    var currency: String?

    @Option(name: .customLong("api-url"), help: "Override the checkout API's URL.")
    var apiURL: String?

    var shopURL: URL { URL(fileURLWithPath: shop, isDirectory: true).standardizedFileURL }

    var layout: ShopLayout {
        let databasePath = database ?? ProcessInfo.processInfo.environment["MERCATO_DATABASE"]
        return ShopLayout(
            root: shopURL, output: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
            database: databasePath.map { URL(fileURLWithPath: $0) })
    }

    func configuration() throws -> SiteConfiguration {
        var overrides: [String: String] = [:]
        overrides["baseURL"] = baseURL
        overrides["name"] = name
        overrides["currency"] = currency
        overrides["apiURL"] = apiURL
        return try ShopConfiguration.load(shop: shopURL, overrides: overrides)
    }

    func openDatabase() throws -> AppDatabase {
        try AppDatabase.open(at: layout.database.path)
    }

    /// Who the audit log says made a change.
    var actor: String { "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "unknown")" }
}

/// Prints `message` to standard error and exits with status 1: for failures a script should notice.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(1)
}
