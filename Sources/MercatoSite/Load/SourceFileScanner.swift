import Foundation
import MercatoDatabase

/// What the scan found: the shop's Markdown and asset files with a hash of each, and what changed since
/// the last build.
struct ScannedFiles: Sendable {
    /// Shop-relative path → size, time and content hash; without the files of ``deferredFolders``.
    var files: [String: BuildManifest.ContentFile]
    /// Files that are new or whose bytes changed (a file only touched keeps its hash and is not listed).
    var changed: [String]
    /// Files the last build read that are gone.
    var removed: [String]
    /// Entries to record for the next build: new, changed and touched files.
    var records: [String: BuildManifest.ContentFile]
    /// Digest of every folder's listing (names, sizes, times).
    var folders: [String: UInt64]
    /// Large folders whose listing is exactly as the last build saw it: their files are unchanged and
    /// their recorded hashes are read only for the files a build needs.
    var deferredFolders: Set<String>
    /// How many files there are, deferred or not.
    var fileCount = 0
}

/// Lists the shop's Markdown and asset files. A folder's listing is summed up in a digest of each file's
/// name, size and modification time; a large folder whose digest matches the last build's is not compared
/// file by file, so a rebuild of a 100,000-product shop lists folders and reads file metadata (`readdir`
/// and `fstatat`, on every core) but no per-file records. In a folder that changed, a file whose size and
/// time match the last build keeps its recorded hash without being read. Names starting with `.` are skipped.
struct SourceFileScanner {
    let layout: ShopLayout
    let database: AppDatabase
    /// The digests the last build recorded.
    let previousFolders: [String: UInt64]

    /// Folders with more files than this are compared by digest first.
    static let largeFolder = 1_000

    func scan(folders: [String]) throws -> ScannedFiles {
        var result = ScannedFiles(files: [:], changed: [], removed: [], records: [:], folders: [:], deferredFolders: [])
        for folder in folders { try scan(folder, into: &result) }
        // Folders that disappeared: every file the last build read there is gone.
        for folder in previousFolders.keys where result.folders[folder] == nil {
            result.removed += try database.loadContentFiles(in: folder).keys
        }
        return result
    }

    /// Adds the recorded entries of deferred folders' files: the listing matched, so they are current.
    func loadDeferred(_ scanned: inout ScannedFiles, paths: some Sequence<String>) throws {
        let wanted = paths.filter { path in
            scanned.files[path] == nil && scanned.deferredFolders.contains { path.hasPrefix($0 + "/") }
        }
        scanned.files.merge(try database.loadContentFiles(paths: wanted)) { current, _ in current }
    }

    /// Adds every recorded file of the deferred folders (a build that looks at the whole site).
    func loadAllDeferred(_ scanned: inout ScannedFiles) throws {
        for folder in scanned.deferredFolders {
            scanned.files.merge(try database.loadContentFiles(in: folder)) { current, _ in current }
        }
        scanned.deferredFolders = []
    }

    private struct Entry {
        var name: String
        var isFolder = false
        var isFile = false
        var modifiedNanos: Int64 = 0
        var size: Int64 = 0
    }

    private func scan(_ relative: String, into result: inout ScannedFiles) throws {
        guard let folder = opendir(layout.root.path + "/" + relative) else { return }
        defer { closedir(folder) }
        let descriptor = dirfd(folder)
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(cString: buffer.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        let stat: (String) -> Entry = { name in
            var info = Glibc.stat()
            var entry = Entry(name: name)
            guard fstatat(descriptor, name, &info, 0) == 0 else { return entry }
            entry.isFolder = info.st_mode & S_IFMT == S_IFDIR
            entry.isFile = info.st_mode & S_IFMT == S_IFREG
            entry.modifiedNanos = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            entry.size = Int64(info.st_size)
            return entry
        }
        let entries = names.count > Self.largeFolder ? names.parallelMap(stat) : names.map(stat)
        var digest: UInt64 = 0
        for entry in entries where entry.isFile {
            var hasher = StableHasher()
            hasher.combine(entry.name)
            hasher.combine(Int(entry.modifiedNanos))
            hasher.combine(Int(entry.size))
            digest &+= hasher.value
        }
        result.folders[relative] = digest
        result.fileCount += entries.count { $0.isFile }
        // Assets are all needed by every build; only content folders are deferred.
        if relative.hasPrefix("Content/"), entries.count > Self.largeFolder, previousFolders[relative] == digest {
            result.deferredFolders.insert(relative)
        } else {
            var previous = try database.loadContentFiles(in: relative)
            for entry in entries where entry.isFile {
                let path = relative + "/" + entry.name
                let known = previous.removeValue(forKey: path)
                if let known, known.modifiedNanos == entry.modifiedNanos, known.size == entry.size {
                    result.files[path] = known
                    continue
                }
                let data = try Data(contentsOf: layout.url(path))
                let file = BuildManifest.ContentFile(
                    modifiedNanos: entry.modifiedNanos, size: entry.size, contentHash: StableHasher.hex(of: data))
                result.files[path] = file
                result.records[path] = file
                // A file only touched (same bytes) gets its new time recorded but changes nothing.
                if known?.contentHash != file.contentHash { result.changed.append(path) }
            }
            result.removed += previous.keys
        }
        for entry in entries where entry.isFolder { try scan(relative + "/" + entry.name, into: &result) }
    }
}
