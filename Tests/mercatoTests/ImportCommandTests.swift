import Foundation
import GRDB
import MercatoCore
import MercatoDatabase
import Testing

@testable import mercato

/// Runs the real `mercato` binary on a shop in a temporary folder, as a merchandiser would.
struct CLIShop {
    let root: URL

    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/mercato")

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let database = try AppDatabase.open(at: root.appendingPathComponent("var/mercato.sqlite").path)
        try database.saveCategory(slug: Slug("kitchen"), name: "Kitchen", actor: "test")
        try database.saveCategory(slug: Slug("garden"), name: "Garden", actor: "test")
    }

    @discardableResult
    func run(_ arguments: String...) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments + ["--shop", root.path]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func productCount() throws -> Int {
        try AppDatabase.open(at: root.appendingPathComponent("var/mercato.sqlite").path).reader.read { db in
            try ProductRecord.fetchCount(db)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite struct ImportCommandTests {
    @Test func aBadRowIsReportedWithItsLineAndNothingIsImported() throws {
        let shop = try CLIShop()
        defer { shop.remove() }
        let csv = try shop.write(
            "products.csv",
            """
            slug,name,category,price,stock,description
            blue-mug,Blue Mug,kitchen,12.99,10,"A **sturdy** mug,
            spread over two lines"
            teapot,Teapot,kitchen,-4.00,3,
            can,Watering Can,patio,19.99,2,
            bowl,Bowl,kitchen,9.99,many,

            """)
        let result = try shop.run("import", csv)
        #expect(result.status == 1)
        #expect(result.error.contains("3 errors"))
        #expect(result.error.contains("products.csv:4: price '-4.00' is negative"))
        #expect(result.error.contains("products.csv:5: there is no category 'patio'"))
        #expect(result.error.contains("products.csv:6: stock 'many' is not a whole number"))
        #expect(result.error.contains("nothing was imported"))
        #expect(try shop.productCount() == 0)
        #expect(!FileManager.default.fileExists(atPath: shop.root.appendingPathComponent("Content/products/blue-mug.md").path))
    }

    @Test func aWrongColumnIsReportedOnLineOne() throws {
        let shop = try CLIShop()
        defer { shop.remove() }
        let csv = try shop.write("products.csv", "slug,name,category,cost,stock\nmug,Mug,kitchen,1.00,1\n")
        let result = try shop.run("import", csv)
        #expect(result.status == 1)
        #expect(result.error.contains("products.csv:1: unknown column 'cost' (column 4)"))
        #expect(result.error.contains("products.csv:1: missing required column 'price'"))
        #expect(try shop.productCount() == 0)
    }

    @Test func aGoodFileImportsEveryRowAndWritesTheMarkdown() throws {
        let shop = try CLIShop()
        defer { shop.remove() }
        let csv = try shop.write(
            "products.csv",
            #"""
            slug,name,category,price,stock,tags,attributes,description
            blue-mug,Blue Mug,kitchen,12.99,10,gift;tea,Colour=Blue;Material=Stoneware,"A **sturdy** mug, ""dishwasher safe"""
            watering-can,Watering Can,garden,19.99,2,,,

            """#)
        let result = try shop.run("import", csv)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("2 added, 0 updated"))
        #expect(try shop.productCount() == 2)
        let markdown = try String(contentsOf: shop.root.appendingPathComponent("Content/products/blue-mug.md"), encoding: .utf8)
        #expect(markdown == "A **sturdy** mug, \"dishwasher safe\"\n")
        let list = try shop.run("product", "list", "--json")
        #expect(list.output.contains("\"slug\":\"watering-can\"") && list.output.contains("\"stock\":2"))
        #expect(list.output.contains("\"price\":\"12.99\""))
    }

    @Test func productAndStockCommandsChangeTheCatalog() throws {
        let shop = try CLIShop()
        defer { shop.remove() }
        #expect(try shop.run("product", "add", "--name", "Bread Knife", "--category", "kitchen", "--price", "24.50", "--stock", "5").status == 0)
        #expect(try shop.run("product", "update", "bread-knife", "--price", "19.00").status == 0)
        #expect(try shop.run("stock", "set", "bread-knife", "7").status == 0)
        let negative = try shop.run("stock", "set", "bread-knife", "--", "-3")
        #expect(negative.status != 0)
        let listed = try shop.run("product", "list")
        #expect(listed.output.contains("bread-knife") && listed.output.contains("$19.00") && listed.output.contains("stock 7"))
        let bad = try shop.run("product", "add", "--name", "Free Lunch", "--category", "kitchen", "--price=-1")
        #expect(bad.status == 1 && bad.error.contains("negative"))
        #expect(try shop.run("product", "remove", "bread-knife").status == 0)
        #expect(try shop.productCount() == 0)
    }
}

@Suite struct CSVReaderTests {
    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let records = try CSVReader.records("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\nlast,row")
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].fields == ["x, y", "say \"hi\"\nthere"])
    }

    @Test func anUnclosedQuoteIsAnError() {
        #expect(throws: CSVReader.Error.self) { try CSVReader.records("a,b\n\"open,1\n") }
    }
}
