/// A problem that stops the build, stamped with the stage and, where there is one, the file and line.
public struct BuildError: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Stage: String, Sendable, Comparable {
        case load, assemble, render, write
        public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.order < rhs.order }
        private var order: Int { [.load, .assemble, .render, .write].firstIndex(of: self)! }
    }

    public var stage: Stage
    /// Path relative to the shop's folder, e.g. `Content/products/mug.md`.
    public var file: String?
    public var line: Int?
    public var message: String

    public init(stage: Stage, file: String? = nil, line: Int? = nil, message: String) {
        self.stage = stage
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        switch (file, line) {
        case (let file?, let line?): "\(file):\(line): \(message)"
        case (let file?, nil): "\(file): \(message)"
        default: "\(stage.rawValue): \(message)"
        }
    }

    public static func < (lhs: BuildError, rhs: BuildError) -> Bool {
        (lhs.file ?? "", lhs.line ?? 0, lhs.message) < (rhs.file ?? "", rhs.line ?? 0, rhs.message)
    }
}

/// Every error a failed build found; the previous output is left as it was.
public struct BuildFailure: Error, CustomStringConvertible {
    public var errors: [BuildError]

    public init(_ errors: [BuildError]) { self.errors = errors.sorted() }

    public var description: String {
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return "Build failed with \(count); dist/ was not changed.\n"
            + errors.map { "  \($0)" }.joined(separator: "\n")
    }
}
