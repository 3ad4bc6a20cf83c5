import Foundation
import GRDB
import MercatoCore
import MercatoDatabase
import Testing

@testable import MercatoSite

@Suite struct BuildErrorTests {
    /// Builds once successfully, breaks the shop, and returns the errors the second build reports
    /// after checking that it left `dist/` exactly as it was.
    private func errorsAfterBreaking(_ shop: FixtureShop, _ breakShop: () throws -> Void) async throws -> [BuildError] {
        _ = try await shop.build()
        let before = try snapshot(shop.dist)
        try breakShop()
        do {
            _ = try await shop.build()
            Issue.record("the build should have failed")
            return []
        } catch let failure as BuildFailure {
            #expect(try snapshot(shop.dist) == before, "dist/ changed after a failed build")
            return failure.errors
        }
    }

    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        }
        return files
    }

    @Test func malformedFrontMatterIsReportedWithFileAndLine() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let errors = try await errorsAfterBreaking(shop) {
            try shop.write("Content/products/blue-mug.md", "---\ndescription: fine\ntitle: [unclosed\n---\nBody\n")
            try shop.write("Content/pages/about.md", "---\ntitle: About\nlayout: wide\n---\nBody\n")
        }
        #expect(errors.count == 2)
        let mug = try #require(errors.first { $0.file == "Content/products/blue-mug.md" })
        #expect(mug.line == 3 || mug.line == 4)
        #expect(mug.message.contains("malformed front matter"))
        let about = try #require(errors.first { $0.file == "Content/pages/about.md" })
        #expect(about.line == 3)
        #expect(about.message.contains("unknown front matter key 'layout'"))
    }

    @Test func unclosedFrontMatterIsReported() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let errors = try await errorsAfterBreaking(shop) {
            try shop.write("Content/products/blue-mug.md", "---\ndescription: never closed\nBody\n")
        }
        #expect(errors.map(\.description) == ["Content/products/blue-mug.md:1: front matter starts with --- but is never closed by ---"])
    }

    @Test func anUnknownTemplateVariableIsReportedWithTemplateAndLine() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let errors = try await errorsAfterBreaking(shop) {
            try shop.write("Templates/page.mustache", "{{> partials/top}}\n<main id=\"main\">\n<h1>{{titel}}</h1>\n</main>\n{{> partials/bottom}}\n")
        }
        #expect(errors.map(\.description) == ["Templates/page.mustache:3: unknown template variable 'titel'"])
    }

    @Test func anUnknownPartialAndBrokenSyntaxAreBothReported() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let errors = try await errorsAfterBreaking(shop) {
            try shop.write("Templates/page.mustache", "{{> partials/top}}\n{{> partials/sidebar}}\n{{> partials/bottom}}\n")
            try shop.write("Templates/404.mustache", "{{> partials/top}}\n{{#categories}}\n<p>never closed\n{{> partials/bottom}}\n")
        }
        #expect(errors.contains { $0.file == "Templates/page.mustache" && $0.line == 2 && $0.message.contains("unknown partial 'partials/sidebar'") })
        #expect(errors.contains { $0.file == "Templates/404.mustache" && $0.message.contains("template syntax") })
    }

    @Test func aNegativePriceWrittenBehindTheCatalogsBackFailsTheBuild() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let errors = try await errorsAfterBreaking(shop) {
            try shop.database.writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                try db.execute(sql: "UPDATE product SET priceMinor = -100 WHERE slug = 'teapot'")
                try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
            }
        }
        #expect(errors.count == 1)
        #expect(errors[0].message.contains("product 'teapot'") && errors[0].message.contains("negative price"))
    }

    @Test func aMisnamedContentFileAndAReservedPageSlugAreReported() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let errors = try await errorsAfterBreaking(shop) {
            try shop.write("Content/products/Blue Mug.md", "Hello\n")
            try shop.write("Content/pages/products.md", "---\ntitle: Products\n---\n")
        }
        #expect(errors.contains { $0.file == "Content/products/Blue Mug.md" && $0.message.contains("not a valid slug") })
        #expect(errors.contains { $0.file == "Content/pages/products.md" && $0.message.contains("taken") })
    }
}
