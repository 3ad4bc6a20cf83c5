import Foundation

/// The write stage. Rendered bytes go first to a staging folder beside the output; only when every page
/// rendered do they move into place and stale files get deleted. A failed build therefore never touches
/// the previous output. A first build (no output yet) renames the whole staging folder into place; later
/// builds rename file by file.
///
/// Files are written with plain `open`/`write`/`close`: no `fsync` per file (a build writes hundreds of
/// thousands; the output can always be rebuilt), and a folder is created only when a write finds it missing.
struct OutputWriter: Sendable {
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

    func stage(_ path: String, _ bytes: [UInt8]) throws {
        let file = staging.path + "/" + path
        var descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try Self.makeFolders(for: file)
            descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw Self.error("cannot create", file) }
        defer { close(descriptor) }
        var written = 0
        try bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw Self.error("cannot write", file)
                }
                written += result
            }
        }
    }

    /// Moves staged files into the output and deletes `removed` paths, pruning folders left empty.
    func commit(staged: [String], removed: [String]) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: output.path) {
            try manager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(staging.path, output.path) == 0 else { throw Self.error("cannot move into place", output.path) }
            return
        }
        for path in staged {
            let source = staging.path + "/" + path
            let target = output.path + "/" + path
            if rename(source, target) != 0 {
                guard errno == ENOENT else { throw Self.error("cannot move into place", target) }
                try Self.makeFolders(for: target)
                guard rename(source, target) == 0 else { throw Self.error("cannot move into place", target) }
            }
        }
        // Deleted files' folders are pruned once at the end, deepest first: `rmdir` refuses a folder
        // that is not empty, so no folder is listed.
        var folders = Set<Substring>()
        for path in removed {
            unlink(output.path + "/" + path)
            var folder = path[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(folder).inserted else { break }
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(output.path + "/" + folder) }
        discardStaging()
    }

    func discardStaging() {
        try? FileManager.default.removeItem(at: staging)
    }

    func exists(_ path: String) -> Bool {
        access(output.path + "/" + path, F_OK) == 0
    }

    private static func makeFolders(for file: String) throws {
        let folder = String(file[..<(file.lastIndex(of: "/") ?? file.startIndex)])
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw error("cannot create folder", folder) }
        try makeFolders(for: folder)
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw error("cannot create folder", folder) }
    }

    private static func error(_ what: String, _ path: String) -> CocoaError {
        CocoaError(
            .fileWriteUnknown,
            userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(what) \(path): \(String(cString: strerror(errno)))"])
    }
}
