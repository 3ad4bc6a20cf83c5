import Foundation

/// The write stage. Rendered bytes go first to a staging folder beside the output; only when every page
/// rendered do they move into place (an atomic rename per file) and stale files get deleted. A failed
/// build therefore never touches the previous output.
struct OutputWriter {
    let output: URL
    let staging: URL

    init(output: URL) {
        self.output = output
        staging = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).staging")
    }

    func prepare() throws {
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    func stage(_ path: String, _ data: Data) throws {
        let file = staging.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Moves staged files into the output and deletes `removed` paths, pruning folders left empty.
    func commit(staged: [String], removed: [String]) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: output, withIntermediateDirectories: true)
        for path in staged {
            let target = output.appendingPathComponent(path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(staging.appendingPathComponent(path).path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
        }
        for path in removed {
            let target = output.appendingPathComponent(path)
            try? manager.removeItem(at: target)
            var folder = target.deletingLastPathComponent()
            while folder.path.count > output.path.count,
                (try? manager.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
            {
                try? manager.removeItem(at: folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        discardStaging()
    }

    func discardStaging() {
        try? FileManager.default.removeItem(at: staging)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }
}
