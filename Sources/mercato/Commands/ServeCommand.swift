import ArgumentParser
import Foundation
import MercatoServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the built site (dist/) over HTTP.")

    @OptionGroup var options: ShopOptions

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (env PORT).")
    var port: Int = Int(ProcessInfo.processInfo.environment["PORT"] ?? "") ?? 8080

    func run() async throws {
        let site = options.layout.output
        guard FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path) else {
            throw fail("\(site.path) has no index.html; run `mercato build` first")
        }
        let app = buildApplication(
            ServerConfiguration(host: host, port: port, siteDirectory: site.path),
            onServerRunning: { port in
                FileHandle.standardOutput.write(
                    Data("Serving \(site.path) at http://localhost:\(port)/  (Ctrl-C to stop)\n".utf8))
            })
        try await app.runService()
    }
}
