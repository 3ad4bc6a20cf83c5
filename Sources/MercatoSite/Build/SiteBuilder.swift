import Foundation
import MercatoDatabase

/// Builds the static site: **load** (one read transaction and a scan of the shop's files) → **assemble**
/// (every output with the fingerprint of its inputs) → **render** (only outputs whose fingerprint changed,
/// in parallel) → **write** (only bytes that changed; stale files deleted; manifest saved).
public struct SiteBuilder: Sendable {
    public let layout: ShopLayout
    public let database: AppDatabase
    public let configuration: SiteConfiguration
    /// How many pages render at once; defaults to the number of cores.
    public var concurrency: Int

    public init(layout: ShopLayout, database: AppDatabase, configuration: SiteConfiguration, concurrency: Int? = nil) {
        self.layout = layout
        self.database = database
        self.configuration = configuration
        self.concurrency = concurrency ?? ProcessInfo.processInfo.activeProcessorCount
    }

    /// Builds, reporting progress as it goes. Throws ``BuildFailure`` listing every error found;
    /// the output folder is then exactly as it was.
    public func build(progress: @Sendable (BuildProgress) -> Void = { _ in }) async throws -> BuildReport {
        var report = BuildReport()
        var clock = StageClock()
        let manifest: BuildManifest
        do { manifest = try database.loadBuildManifest() } catch {
            throw BuildFailure([BuildError(stage: .load, message: "reading the build manifest: \(error)")])
        }
        let outputExists = FileManager.default.fileExists(atPath: layout.output.path)
        let site = try SiteLoader(layout: layout, database: database, configuration: configuration).load(manifest: manifest)
        report.stages.append(
            clock.lap(
                .load,
                "\(site.snapshot.products.count) products, \(site.snapshot.categories.count) categories, "
                    + "\(site.files.count) source files"))

        let jobs = SiteAssembler(site: site).assemble()
        let writer = OutputWriter(output: layout.output)
        let dirty = jobs.filter { job in
            guard outputExists, manifest.outputs[job.path]?.inputFingerprint == job.fingerprint else { return true }
            return !writer.exists(job.path)
        }
        report.outputs = jobs.count
        report.stages.append(clock.lap(.assemble, "\(jobs.count) outputs, \(dirty.count) with changed inputs"))

        try writer.prepare()
        let renderer = PageRenderer(site: site, layout: layout, database: database)
        let results: [RenderResult]
        do {
            results = try await render(dirty, renderer: renderer, writer: writer, previous: manifest, progress: progress)
        } catch {
            writer.discardStaging()
            throw error
        }
        report.rendered = results.count
        report.renderedPaths = results.map(\.path).sorted()
        let staged = results.filter(\.staged).map(\.path).sorted()
        report.stages.append(clock.lap(.render, "\(results.count) rendered"))

        let current = Set(jobs.map(\.path))
        let removed = manifest.outputs.keys.filter { !current.contains($0) }.sorted()
        do {
            try writer.commit(staged: staged, removed: removed)
            var changed: [String: BuildManifest.Output] = [:]
            for result in results { changed[result.path] = .init(inputFingerprint: result.fingerprint, outputHash: result.hash) }
            let changedFiles = site.files.filter { manifest.contentFiles[$0.key] != $0.value }
            let removedFiles = manifest.contentFiles.keys.filter { site.files[$0] == nil }
            try database.saveBuildManifest(
                changedOutputs: changed, removedOutputs: removed, contentFiles: changedFiles,
                removedContentFiles: Array(removedFiles))
        } catch {
            writer.discardStaging()
            throw BuildFailure([BuildError(stage: .write, message: "\(error)")])
        }
        report.written = staged.count
        report.writtenPaths = staged
        report.deleted = removed.count
        report.deletedPaths = removed
        report.stages.append(clock.lap(.write, "\(staged.count) written, \(removed.count) deleted"))
        return report
    }

    private struct RenderResult: Sendable {
        var path: String
        var fingerprint: String
        var hash: String
        var staged: Bool
    }

    /// Renders in a bounded task group; collects every error rather than stopping at the first.
    private func render(
        _ jobs: [PageJob], renderer: PageRenderer, writer: OutputWriter, previous: BuildManifest,
        progress: @Sendable (BuildProgress) -> Void
    ) async throws -> [RenderResult] {
        var results: [RenderResult] = []
        var errors: [BuildError] = []
        results.reserveCapacity(jobs.count)
        let batches = stride(from: 0, to: jobs.count, by: 64).map { jobs[$0..<min($0 + 64, jobs.count)] }
        await withTaskGroup(of: ([RenderResult], [BuildError]).self) { group in
            var next = 0
            func submit() {
                guard next < batches.count else { return }
                let batch = batches[next]
                next += 1
                group.addTask {
                    var results: [RenderResult] = []
                    var errors: [BuildError] = []
                    for job in batch {
                        do {
                            let data = try renderer.render(job)
                            let hash = StableHasher.hex(of: data)
                            let unchanged = previous.outputs[job.path]?.outputHash == hash && writer.exists(job.path)
                            if !unchanged { try writer.stage(job.path, data) }
                            results.append(.init(path: job.path, fingerprint: job.fingerprint, hash: hash, staged: !unchanged))
                        } catch let error as BuildError {
                            errors.append(error)
                        } catch {
                            errors.append(BuildError(stage: .write, file: job.path, message: "\(error)"))
                        }
                    }
                    return (results, errors)
                }
            }
            for _ in 0..<max(1, concurrency) { submit() }
            while let (batchResults, batchErrors) = await group.next() {
                results += batchResults
                errors += batchErrors
                progress(BuildProgress(stage: .render, stageNumber: 3, completed: results.count + errors.count, total: jobs.count))
                submit()
            }
        }
        if !errors.isEmpty {
            // The same template mistake fails every page that uses it: report it once.
            throw BuildFailure(Array(Set(errors)))
        }
        return results
    }
}

/// Times the stages of a build.
private struct StageClock {
    private var start = DispatchTime.now()

    mutating func lap(_ stage: BuildError.Stage, _ summary: String) -> BuildReport.StageTiming {
        let now = DispatchTime.now()
        defer { start = now }
        return .init(stage: stage, seconds: Double(now.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9, summary: summary)
    }
}
