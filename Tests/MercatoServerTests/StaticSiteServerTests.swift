import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import MercatoServer

@Suite struct StaticSiteServerTests {
    private func site() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("products/mug"), withIntermediateDirectories: true)
        try "<h1>Home</h1>".write(to: folder.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "<h1>Mug</h1>".write(to: folder.appendingPathComponent("products/mug/index.html"), atomically: true, encoding: .utf8)
        try "<h1>Page not found</h1>".write(to: folder.appendingPathComponent("404.html"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func servesCleanURLsAndTheSitesOwn404PageOnALivePort() async throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = buildApplication(ServerConfiguration(host: "127.0.0.1", port: 0, siteDirectory: folder.path))
        try await app.test(.live) { client in
            try await client.execute(uri: "/products/mug/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "<h1>Mug</h1>")
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
            }
            try await client.execute(uri: "/no/such/page/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body) == "<h1>Page not found</h1>")
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
