import ArgumentParser
import Foundation
import GRDB
import MercatoCore
import MercatoDatabase
import MercatoSite

struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product", abstract: "Add, change, remove and list products.",
        subcommands: [Add.self, Update.self, Remove.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a product.",
            discussion: "Example: mercato product add --name \"Walnut Chef's Knife\" --category kitchen --price 89.00 --stock 12")

        @OptionGroup var options: ShopOptions
        @Option(help: "URL name; derived from --name if left out.") var slug: String?
        @Option(help: "Product name.") var name: String
        @Option(help: "Category slug.") var category: String
        @Option(help: "Price, e.g. 12.99.") var price: String
        @Option(help: "Units on hand.") var stock: Int = 0
        @Option var sku: String?
        @Option var brand: String?
        @Option(name: .customLong("compare-at"), help: "Former price, shown struck through.") var compareAt: String?
        @Option(help: "Image path under public/, e.g. /images/products/mug.png.") var image: String?
        @Option(name: .customLong("tag"), help: "A tag; repeat for more.") var tags: [String] = []
        @Option(name: .customLong("attribute"), help: "Name=Value; repeat for more.") var attributes: [String] = []
        @Option(help: "Markdown description.") var description: String?
        @Flag(help: "Show it on the home page.") var featured = false
        @Flag(help: "Save as a draft, not on the site.") var draft = false

        func run() throws {
            let configuration = try options.configuration()
            let productDraft: ProductDraft
            do {
                productDraft = ProductDraft(
                    slug: try slug.map { try Slug($0) } ?? Slug.make(from: name), sku: sku, name: name, brand: brand,
                    categorySlug: try Slug(category), price: try Money.parse(price, currency: configuration.currency),
                    compareAtPrice: try compareAt.map { try Money.parse($0, currency: configuration.currency) },
                    stock: stock, status: draft ? .draft : .active, featured: featured, imagePath: image, tags: tags,
                    attributes: try parseAttributes(attributes), descriptionMarkdown: description)
            } catch { throw fail("\(error)") }
            let database = try options.openDatabase()
            var files = ContentFiles(layout: options.layout)
            if let description { try files.stageProduct(slug: productDraft.slug.rawValue, markdown: description) }
            do {
                try files.commit { try database.addProduct(productDraft, actor: options.actor) }
            } catch { throw fail("\(error)") }
            print(
                "Added \(productDraft.slug); its description lives in "
                    + "\(ShopLayout.productContentPath(productDraft.slug.rawValue)). Run `mercato build` to publish.")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a product's fields.", discussion: "Example: mercato product update walnut-chefs-knife --price 79.00")

        @OptionGroup var options: ShopOptions
        @Argument(help: "The product's slug.") var slug: String
        @Option var name: String?
        @Option var category: String?
        @Option var price: String?
        @Option(name: .customLong("compare-at"), help: "Former price; an empty string removes it.") var compareAt: String?
        @Option var brand: String?
        @Option(help: "active, draft or archived.") var status: String?
        @Option(help: "true or false.") var featured: Bool?
        @Option var image: String?
        @Option(name: .customLong("tag")) var tags: [String] = []
        @Option(name: .customLong("attribute"), help: "Name=Value; replaces all attributes.") var attributes: [String] = []

        func run() throws {
            let configuration = try options.configuration()
            var changes = ProductChanges()
            do {
                changes.name = name
                changes.brand = brand
                changes.categorySlug = try category.map { try Slug($0) }
                changes.price = try price.map { try Money.parse($0, currency: configuration.currency) }
                if let compareAt {
                    changes.compareAtPrice = .some(
                        compareAt.isEmpty ? nil : try Money.parse(compareAt, currency: configuration.currency))
                }
                changes.status = try status.map { try ProductStatus(parsing: $0) }
                changes.featured = featured
                changes.imagePath = image
                changes.tags = tags.isEmpty ? nil : tags
                changes.attributes = attributes.isEmpty ? nil : try parseAttributes(attributes)
                guard !changes.isEmpty else { throw ValidationError("nothing to change: pass at least one option") }
                try options.openDatabase().updateProduct(slug: try Slug(slug), changes: changes, actor: options.actor)
            } catch let error as ValidationError { throw error } catch { throw fail("\(error)") }
            print("Updated \(slug). Run `mercato build` to publish.")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a product, its stock, reviews and Markdown; past orders keep their copy.")

        @OptionGroup var options: ShopOptions
        @Argument(help: "The product's slug.") var slug: String

        func run() throws {
            do {
                try options.openDatabase().removeProduct(slug: try Slug(slug), actor: options.actor)
            } catch { throw fail("\(error)") }
            try? FileManager.default.removeItem(at: options.layout.url(ShopLayout.productContentPath(slug)))
            print("Removed \(slug). Run `mercato build` to take its pages down.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List products with price and stock.")

        @OptionGroup var options: ShopOptions
        @Option(help: "Only this category.") var category: String?
        @Option(help: "Only this status.") var status: String?
        @Flag(help: "Print JSON lines.") var json = false

        func run() throws {
            let configuration = try options.configuration()
            let rows = try options.openDatabase().reader.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT product.slug, product.name, product.priceMinor, product.currency, product.status,
                               category.slug AS category, COALESCE(inventory.onHand, 0) AS onHand,
                               COALESCE(inventory.reserved, 0) AS reserved
                        FROM product JOIN category ON category.id = product.categoryId
                        LEFT JOIN inventory ON inventory.productId = product.id
                        WHERE (? IS NULL OR category.slug = ?) AND (? IS NULL OR product.status = ?)
                        ORDER BY product.slug
                        """, arguments: [category, category, status, status])
            }
            for row in rows {
                let currency = Currency(code: row["currency"]) ?? configuration.currency
                let price = Money(minorUnits: row["priceMinor"], currency: currency)
                let slug: String = row["slug"]
                let name: String = row["name"]
                let statusText: String = row["status"]
                let categoryText: String = row["category"]
                let onHand: Int = row["onHand"]
                let reserved: Int = row["reserved"]
                if json {
                    let object: [String: Any] = [
                        "slug": slug, "name": name, "price": price.decimalString, "currency": currency.code,
                        "status": statusText, "category": categoryText, "stock": onHand, "reserved": reserved,
                    ]
                    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                    print(String(decoding: data, as: UTF8.self))
                } else {
                    print(
                        "\(slug.padding(toLength: 40, withPad: " ", startingAt: 0)) "
                            + "\(configuration.moneyFormat.format(price).padding(toLength: 12, withPad: " ", startingAt: 0)) "
                            + "stock \(String(onHand).padding(toLength: 6, withPad: " ", startingAt: 0)) \(statusText)  \(name)")
                }
            }
            if !json { print("\(rows.count) products") }
        }
    }
}

struct StockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stock", abstract: "Manage stock levels.", subcommands: [Set.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the units on hand of a product.", discussion: "Example: mercato stock set walnut-chefs-knife 40")

        @OptionGroup var options: ShopOptions
        @Argument(help: "The product's slug.") var slug: String
        @Argument(help: "Units on hand (0 or more).") var quantity: Int

        func run() throws {
            do {
                try options.openDatabase().setStock(slug: try Slug(slug), onHand: quantity, actor: options.actor)
            } catch { throw fail("\(error)") }
            print("\(slug): \(quantity) on hand. Run `mercato build` to update the pages.")
        }
    }
}

func parseAttributes(_ pairs: [String]) throws -> [String: String] {
    var attributes: [String: String] = [:]
    for pair in pairs {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("attribute '\(pair)' must be Name=Value") }
        attributes[parts[0]] = parts[1]
    }
    return attributes
}
