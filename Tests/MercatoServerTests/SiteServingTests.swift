import Foundation
import Hummingbird
import HummingbirdTesting
import MercatoCore
import Testing

@testable import MercatoServer

/// `mercato serve` sends the built site with the headers of the `_headers` file a CDN would apply.
@Suite struct SiteServingTests {
    @Test func filesCarryTheCacheRulesOfTheHeadersFile() async throws {
        var shop = try CheckoutFixture()
        defer { shop.remove() }
        let site = shop.folder.appendingPathComponent("dist")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("css"), withIntermediateDirectories: true)
        try Data("<!doctype html><title>Shop</title>".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("body{}".utf8).write(to: site.appendingPathComponent("css/site.0123456789.css"))
        shop.configuration.siteDirectory = site.path
        try await shop.application().test(.router) { client in
            func headers(_ path: String) async throws -> (HTTPResponse.Status, HTTPFields) {
                try await client.execute(uri: path, method: .get) { ($0.status, $0.headers) }
            }
            let (cssStatus, css) = try await headers("/css/site.0123456789.css")
            #expect(cssStatus == .ok)
            #expect(css[.cacheControl] == "public, max-age=31536000, immutable")
            let (pageStatus, page) = try await headers("/")
            #expect(pageStatus == .ok)
            #expect(page[.cacheControl] == "public, max-age=300, must-revalidate")
            let (_, api) = try await headers("/api/v1/shipping-methods")
            #expect(api[.cacheControl] == "no-store")
            for fields in [css, page, api] {
                #expect(fields[.xContentTypeOptions] == "nosniff")
                #expect(fields[.init("X-Frame-Options")!] == "DENY")
            }
        }
        #expect(SiteHeaders.file.contains("/css/*\n  Cache-Control: public, max-age=31536000, immutable\n"))
    }
}
