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

    /// Errors become answers inside the CORS layer: a missing page gets the site's 404 page, and anything under
    /// `/api/` a problem, both with the headers every answer carries.
    @Test func errorsAnswerWithTheSitesPageOrAProblem() async throws {
        var shop = try CheckoutFixture()
        defer { shop.remove() }
        let site = shop.folder.appendingPathComponent("dist")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("<!doctype html><title>Not here</title>".utf8).write(to: site.appendingPathComponent("404.html"))
        shop.configuration.siteDirectory = site.path
        shop.configuration.allowedOrigin = "https://shop.example"
        try await shop.application().test(.router) { client in
            let page = try await client.execute(uri: "/no-such-page", method: .get) { $0 }
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(String(buffer: page.body) == "<!doctype html><title>Not here</title>")
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            let origin: HTTPFields = [.origin: "https://shop.example"]
            let cases: [(String, HTTPRequest.Method, HTTPResponse.Status, String)] = [
                ("/api/v1/no-such-thing", .get, .notFound, "There is nothing at /api/v1/no-such-thing."),
                ("/api/v2/carts", .post, .notFound, "There is nothing at /api/v2/carts."),
            ]
            for (path, method, status, detail) in cases {
                let answer = try await client.json(method, path, headers: origin)
                #expect(answer.status == status, "\(path)")
                #expect(answer.headers[.contentType] == "application/problem+json", "\(path)")
                #expect(answer.json["detail"] as? String == detail, "\(path)")
                #expect(answer.headers[.accessControlAllowOrigin] == "https://shop.example", "\(path)")
                #expect(answer.headers[.xContentTypeOptions] == "nosniff", "\(path)")
            }
            let unknownCart = try await client.json(.get, "/api/v1/carts/no-such-cart", headers: origin)
            #expect(unknownCart.status == .notFound)
            #expect(unknownCart.headers[.accessControlAllowOrigin] == "https://shop.example")
            #expect(unknownCart.json["requestId"] as? String == unknownCart.headers[.requestID])
        }
    }
}
