import Foundation
import Testing

@testable import MercatoSite

/// The HTML a shopper gets for a product page and a category page, compared byte for byte with the files
/// in `Snapshots/`. After an intended change, run with `MERCATO_RECORD_SNAPSHOTS=1` and review the diff.
@Suite struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    private func assertSnapshot(_ html: String, named name: String) throws {
        let file = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["MERCATO_RECORD_SNAPSHOTS"] == "1" {
            try html.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(html == expected, "\(name) differs from its snapshot; if intended, record again with MERCATO_RECORD_SNAPSHOTS=1")
    }

    @Test func productPage() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        try assertSnapshot(try shop.html("products/blue-mug/index.html"), named: "product-blue-mug.html")
    }

    @Test func categoryPage() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        try assertSnapshot(try shop.html("categories/kitchen/index.html"), named: "category-kitchen.html")
    }
}
