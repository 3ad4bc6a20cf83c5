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
    /// Render every output and tokenise every product, whatever the manifest says (for an output folder changed
    /// by hand).
    public var full: Bool

    public init(
        layout: ShopLayout, database: AppDatabase, configuration: SiteConfiguration, concurrency: Int? = nil, full: Bool = false
    ) {
        self.layout = layout
        self.database = database
        self.configuration = configuration
        self.concurrency = concurrency ?? ProcessInfo.processInfo.activeProcessorCount
        self.full = full
    }

    /// Builds, reporting progress as it goes. Throws ``BuildFailure`` listing every error found;
    /// the output folder is then exactly as it was.
    public func build(progress: @Sendable (BuildProgress) -> Void = { _ in }) async throws -> BuildReport {
        var report = BuildReport()
        var clock = StageClock()
        let outputExists = FileManager.default.fileExists(atPath: layout.output.path)
        let loader = SiteLoader(layout: layout, database: database, configuration: configuration)
        let (site, state) = try loader.load(wholeSite: full, hasOutputs: outputExists)
        let snapshot = site.snapshot
        let productTotal = snapshot.summary.productCount
        let looked =
            snapshot.scope.map { " (\(snapshot.products.count) read: \($0.count) changed \($0.count == 1 ? "category" : "categories"))" }
            ?? ""
        report.stages.append(
            clock.lap(
                .load,
                "\(productTotal) products\(looked), \(snapshot.categories.count) categories, \(state.scan.fileCount) source files"))

        let assembler = SiteAssembler(site: site, layout: layout)
        var (jobs, search) = assembler.assemble()
        let searchFiles = jobs.count(where: { SiteAssembler.isSearchData($0.path) })
        report.tokenised = search.computedTerms.count
        // The last build's outputs in the scopes looked at (all of them for a whole-site build).
        var previous = state.previousOutputs
        // The sitemaps list every page: they are assembled again only when the set of pages in scope
        // changed; otherwise the last build's stand.
        func pages(_ outputs: some Sequence<(path: String, scope: Int64)>) -> Set<String> {
            let derived: Set<Int64> = [OutputScope.sitemap, OutputScope.searchManifest]
            return Set(outputs.lazy.filter { !derived.contains($0.scope) && !SiteAssembler.isSearchData($0.path) }.map(\.path))
        }
        let previousPages = pages(previous.lazy.map { (path: $0.key, scope: $0.value.scope) })
        if snapshot.scope == nil || previousPages != pages(jobs.lazy.map { (path: $0.path, scope: $0.scope) }) {
            var listed = jobs.filter(SiteAssembler.isListed).map(\.path)
            if let scope = snapshot.scope {
                listed += try loadPaths { try database.loadCategoryOutputPaths(excluding: scope) }
                    .filter(SiteAssembler.isListed(path:))
            }
            jobs += assembler.sitemapJobs(paths: listed)
        } else {
            previous = previous.filter { $0.value.scope != OutputScope.sitemap }
        }
        // An output whose inputs are unchanged is trusted to be in place (`full` re-renders everything).
        let dirty = full ? jobs : jobs.filter { previous[$0.path]?.inputFingerprint != $0.fingerprint }
        report.outputs = snapshot.scope == nil ? jobs.count : try loadPaths { try database.outputCount() } + jobs.count - previous.count
        report.stages.append(
            clock.lap(
                .assemble,
                "\(jobs.count) outputs assembled (search index: \(searchFiles) files in \(String(format: "%.3f", search.seconds)) s, \(search.computedTerms.count) products tokenised), "
                    + "\(dirty.count) with changed inputs"))

        let writer = OutputWriter(output: layout.output)
        try writer.prepare()
        let renderer = PageRenderer(site: site, layout: layout, database: database)
        let results: [RenderResult]
        do {
            results = try await render(dirty, renderer: renderer, writer: writer, previous: previous, progress: progress)
        } catch {
            writer.discardStaging()
            throw error
        }
        report.rendered = results.count
        report.renderedPaths = results.map(\.path).sorted()
        let staged = results.filter(\.staged).map(\.path).sorted()
        report.stages.append(clock.lap(.render, "\(results.count) rendered"))

        var current = Set<String>(minimumCapacity: jobs.count)
        for job in jobs { current.insert(job.path) }
        let removed = previous.keys.filter { !current.contains($0) }.sorted()
        do {
            try writer.commit(staged: staged, removed: removed)
            var update = BuildManifest.Update()
            for result in results {
                update.changedOutputs[result.path] = .init(
                    inputFingerprint: result.fingerprint, outputHash: result.hash, scope: result.scope)
            }
            // An unchanged output that moved to another scope (a product moved category) is recorded there.
            for job in jobs where update.changedOutputs[job.path] == nil {
                if let known = previous[job.path], known.scope != job.scope {
                    update.changedOutputs[job.path] = .init(
                        inputFingerprint: known.inputFingerprint, outputHash: known.outputHash, scope: job.scope)
                }
            }
            update.removedOutputs = removed
            update.contentFiles = state.scan.records
            update.removedContentFiles = state.scan.removed
            update.listings = state.scan.listings
            update.searchTerms = search.computedTerms
            update.searchPostings = search.categoryTerms.mapValues(\.stored)
            update.siteFingerprint = site.sharedFingerprint
            update.catalogChangesSeen = snapshot.changeSequence
            update.replacingAll = !outputExists
            try database.saveBuildManifest(update)
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

    private func loadPaths<T>(_ body: () throws -> T) throws(BuildFailure) -> T {
        do { return try body() } catch {
            throw BuildFailure([BuildError(stage: .load, message: "reading the build manifest: \(error)")])
        }
    }

    private struct RenderResult: Sendable {
        var path: String
        var fingerprint: UInt64
        var hash: UInt64
        var scope: Int64
        var staged: Bool
    }

    /// Renders in a bounded task group; collects every error rather than stopping at the first.
    private func render(
        _ jobs: [PageJob], renderer: PageRenderer, writer: OutputWriter, previous: [String: BuildManifest.Output],
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
                            let bytes = try renderer.render(job)
                            let hash = StableHasher.value(of: bytes)
                            let unchanged = previous[job.path]?.outputHash == hash && writer.exists(job.path)
                            if !unchanged { try writer.stage(job.path, bytes) }
                            results.append(.init(path: job.path, fingerprint: job.fingerprint, hash: hash, scope: job.scope, staged: !unchanged))
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
