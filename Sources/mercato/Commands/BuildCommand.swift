import ArgumentParser
import Foundation
import MercatoSite

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render the site into dist/, re-rendering only what changed since the last build.",
        discussion: """
            Stages: load → assemble → render → write. Each prints what it did and how long it took.
            On any error (bad front matter, an unknown template variable, a negative price…) every error is
            listed with its file and line and dist/ is left exactly as it was.
            """)

    @OptionGroup var options: ShopOptions

    @Flag(name: .long, help: "List every file written and deleted.")
    var verbose = false

    @Flag(name: .long, help: "Render every page and tokenise every product again, not only what changed (after editing dist/ by hand).")
    var full = false

    func run() async throws {
        let report: BuildReport
        do {
            report = try await Self.build(options, full: full)
        } catch let failure as BuildFailure {
            throw fail(failure.description)
        } catch {
            throw fail("\(error)")
        }
        print(Self.describe(report, verbose: verbose))
    }

    static func build(_ options: ShopOptions, full: Bool = false) async throws -> BuildReport {
        let builder = SiteBuilder(
            layout: options.layout, database: try options.openDatabase(), configuration: try options.configuration(),
            full: full)
        let progress = ProgressLine()
        defer { progress.clear() }
        return try await builder.build { progress.update($0) }
    }

    static func describe(_ report: BuildReport, verbose: Bool) -> String {
        var lines = report.stages.enumerated().map { index, stage in
            "[\(index + 1)/4] \(stage.stage.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) "
                + "\(String(format: "%7.3f s", stage.seconds))  \(stage.summary)"
        }
        if verbose {
            lines += report.writtenPaths.map { "  wrote   \($0)" }
            lines += report.deletedPaths.map { "  deleted \($0)" }
        }
        lines.append(
            "Built \(report.outputs) outputs in \(String(format: "%.2f", report.totalSeconds)) s: "
                + "\(report.rendered) rendered, \(report.written) written, \(report.deleted) deleted.")
        return lines.joined(separator: "\n")
    }
}
