import ArgumentParser
import Foundation
import GRDB
import MercatoCore
import MercatoSite

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add or update products from a CSV file, all or nothing.",
        discussion: """
            Required columns: \(ProductCSV.required.joined(separator: ", ")).
            Optional columns: \(ProductCSV.optional.joined(separator: ", ")).
            tags are separated by ';', attributes are Name=Value pairs separated by ';', description is Markdown.
            A product whose slug exists is updated; others are added. If any row is wrong, every error is
            printed with its line number and nothing is imported.
            """)

    @OptionGroup var options: ShopOptions
    @Argument(help: "The CSV file.") var file: String

    func run() throws {
        let configuration = try options.configuration()
        guard let data = FileManager.default.contents(atPath: file) else { throw fail("cannot read \(file)") }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("\(file) is not UTF-8 text") }
        let database = try options.openDatabase()
        let categories = try database.reader.read { db in try String.fetchSet(db, sql: "SELECT slug FROM category") }
        let drafts: [ProductDraft]
        do {
            drafts = try ProductCSV.drafts(from: text, currency: configuration.currency, knownCategories: categories)
        } catch {
            let errors = error.errors
            let lines = errors.map { "  \(file):\($0.line): \($0.message)" }.joined(separator: "\n")
            throw fail("\(errors.count == 1 ? "1 error" : "\(errors.count) errors") in \(file); nothing was imported.\n\(lines)")
        }
        do {
            var files = ContentFiles(layout: options.layout)
            for draft in drafts {
                if let markdown = draft.descriptionMarkdown {
                    try files.stageProduct(slug: draft.slug.rawValue, markdown: markdown)
                }
            }
            let counts: (added: Int, updated: Int)
            do {
                counts = try files.commit { try database.importProducts(drafts, actor: options.actor) }
            } catch {
                throw fail("\(file): \(error); nothing was imported.")
            }
            print("Imported \(file): \(counts.added) added, \(counts.updated) updated. Run `mercato build` to publish.")
        }
    }
}
