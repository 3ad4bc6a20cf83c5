import Foundation

/// What a build did, stage by stage: the counts tests assert on and the timings the CLI prints.
public struct BuildReport: Sendable {
    public struct StageTiming: Sendable {
        public var stage: BuildError.Stage
        public var seconds: Double
        public var summary: String
    }

    /// Outputs the site has (pages, feeds, assets).
    public var outputs = 0
    /// Outputs whose inputs changed, so they were rendered (or copied, for assets).
    public var rendered = 0
    /// Outputs whose bytes changed, so they were written to disk.
    public var written = 0
    /// Outputs of the previous build that no longer exist, so they were deleted.
    public var deleted = 0
    /// Products whose search terms were computed: their text changed, or no earlier build recorded them.
    public var tokenised = 0
    /// Output paths rendered, for tests and `--verbose`.
    public var renderedPaths: [String] = []
    public var writtenPaths: [String] = []
    public var deletedPaths: [String] = []
    public var stages: [StageTiming] = []

    public var totalSeconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}

/// Progress reported while a build runs, for a terminal display.
public struct BuildProgress: Sendable {
    public var stage: BuildError.Stage
    public var stageNumber: Int
    public var completed: Int
    public var total: Int
}
