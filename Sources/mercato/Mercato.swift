import ArgumentParser

@main
struct Mercato: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mercato",
        abstract: "Build and run a static-site shop: catalog in SQLite and Markdown, pages for a CDN, a small checkout API.",
        subcommands: [
            DemoCommand.self, BuildCommand.self, ServeCommand.self, ProductCommand.self, StockCommand.self,
            ImportCommand.self, OrdersCommand.self, BackupCommand.self, RestoreCommand.self,
        ])
}
