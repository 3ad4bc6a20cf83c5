import ArgumentParser
import Foundation
import MercatoCore
import MercatoDatabase
import MercatoSite

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a realistic demo shop: categories, products with Markdown and images, stock, reviews.",
        discussion: """
            The same --seed gives the same shop. Writes mercato.yaml (if missing), var/mercato.sqlite,
            Content/categories/, Content/products/ and public/images/products/ in the shop folder, and a history of
            delivered orders (best sellers, "also bought").
            Example: mercato demo --products 300 --reviews 3000
            """)

    @OptionGroup var options: ShopOptions
    @Option(help: "Number of products.") var products = 300
    @Option(help: "Number of reviews, spread unevenly over the products.") var reviews = 3_000
    @Option(help: "Number of past orders, for best sellers and \"also bought\" (default: one per product).") var orders: Int?
    @Option(help: "Random seed; the same seed gives the same shop.") var seed: UInt64 = 42
    @Flag(help: "Replace an existing shop database, its generated content and dist/.") var force = false

    /// Demo dates are relative to a fixed day so that a seed always gives the same shop.
    static let referenceDate = Date(timeIntervalSince1970: 1_793_491_200)  // 2026-11-01T00:00:00Z

    func validate() throws {
        guard products >= 1, products <= 1_000_000 else { throw ValidationError("--products must be 1 to 1,000,000") }
        guard reviews >= 0, reviews <= 50_000_000 else { throw ValidationError("--reviews must be 0 to 50,000,000") }
        guard (orders ?? 0) >= 0, (orders ?? 0) <= 10_000_000 else { throw ValidationError("--orders must be 0 to 10,000,000") }
    }

    func run() async throws {
        let layout = options.layout
        let manager = FileManager.default
        if manager.fileExists(atPath: layout.database.path) {
            guard force else {
                throw fail("\(layout.database.path) already exists; pass --force to replace the shop with a new demo")
            }
            for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: layout.database.path + suffix) }
            for folder in ["Content/products", "Content/categories", "public/images/products"] {
                try? manager.removeItem(at: layout.url(folder))
            }
            try? manager.removeItem(at: layout.output)
        }
        try manager.createDirectory(at: layout.root, withIntermediateDirectories: true)
        let configFile = layout.url(ShopConfiguration.fileName)
        if !manager.fileExists(atPath: configFile.path) {
            try Data(ShopConfiguration.defaultFile.utf8).write(to: configFile)
        }
        let configuration = try options.configuration()
        let catalog = DemoCatalog(
            seed: seed, productCount: products, reviewCount: reviews, currency: configuration.currency,
            now: Self.referenceDate)
        let database = try AppDatabase.open(at: layout.database.path, clock: FixedClock(Self.referenceDate))
        let started = Date()
        let writer = DemoShopWriter(catalog: catalog, layout: layout, database: database)
        try writer.writeImages()
        try writer.writeCategories()
        try writer.writeProducts { done in DemoCommand.progress("products", done, products) }
        let orderCount = orders ?? products
        try writer.writeOrders(count: orderCount) { done in DemoCommand.progress("orders", done, orderCount) }
        try database.saveDiscount(Discount(code: "WELCOME10", kind: .percent, value: 10))
        FileHandle.standardError.write(Data(isatty(STDERR_FILENO) == 1 ? "\r\u{1B}[K".utf8 : "".utf8))
        print(
            "Created a demo shop in \(layout.root.path): \(catalog.categories.count) categories, "
                + "\(products) products, \(reviews) reviews, \(orderCount) orders "
                + "(\(String(format: "%.1f", Date().timeIntervalSince(started))) s). Next: mercato build")
    }

    static func progress(_ what: String, _ done: Int, _ total: Int) {
        guard isatty(STDERR_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data("\rdemo: \(what) \(done)/\(total) (\(done * 100 / max(1, total))%)\u{1B}[K".utf8))
    }
}
