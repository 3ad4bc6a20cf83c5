import Foundation
import MercatoDatabase

/// What the scan found: the shop's Markdown and asset files with a hash of each, and what changed since
/// the last build.
struct ScannedFiles: Sendable {
    /// Shop-relative path → size, time and content hash; in ``deferredFolders``, only the files whose
    /// listing changed.
    var files: [String: BuildManifest.ContentFile] = [:]
    /// Files that are new or whose bytes changed (a file only touched keeps its hash and is not listed).
    var changed: [String] = []
    /// Files the last build read that are gone.
    var removed: [String] = []
    /// Entries to record for the next build: new, changed and touched files.
    var records: [String: BuildManifest.ContentFile] = [:]
    /// Digest of every listing.
    var listings: [BuildManifest.Listing: UInt64] = [:]
    /// Large content folders: the recorded hashes of their unchanged files are read only for the files a
    /// build needs.
    var deferredFolders: Set<String> = []
    /// How many files there are, deferred or not.
    var fileCount = 0
}

/// Lists the shop's Markdown and asset files. A listing is summed up in a digest of each file's name, size
/// and modification time. A large content folder has one digest per name prefix (two characters), and only
/// the prefixes whose digest changed are compared file by file: a rebuild of a 100,000-product shop lists
/// folders and reads file metadata (`readdir` and `fstatat`, on every core) and, after one Markdown edit,
/// the records of a few hundred files. A file whose size and time match the last build keeps its recorded
/// hash without being read. Names starting with `.` are skipped.
struct SourceFileScanner {
    let layout: ShopLayout
    let database: AppDatabase
    /// The digests the last build recorded.
    let previous: [BuildManifest.Listing: UInt64]

    /// Content folders with more files than this get a digest per name prefix.
    static let largeFolder = 1_000

    func scan(folders: [String]) throws -> ScannedFiles {
        var result = ScannedFiles()
        for folder in folders { try scan(folder, into: &result) }
        // Folders that disappeared: every file the last build read there is gone.
        let scanned = Set(result.listings.keys.map(\.folder))
        for folder in Set(previous.keys.map(\.folder)).subtracting(scanned) {
            result.removed += try database.loadContentFiles(in: folder).keys
        }
        return result
    }

    /// Adds the recorded entries of deferred folders' files: their listing matched, so they are current.
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
        let files = entries.filter(\.isFile)
        result.fileCount += files.count
        let wasLarge = previous.keys.contains { $0.folder == relative && !$0.prefix.isEmpty }
        // Assets are all needed by every build; only content folders are deferred.
        if relative.hasPrefix("Content/"), files.count > Self.largeFolder {
            result.deferredFolders.insert(relative)
            var prefixes: [String: [Entry]] = [:]
            for file in files { prefixes[String(file.name.prefix(2)), default: []].append(file) }
            if wasLarge {
                for (prefix, group) in prefixes {
                    let listing = BuildManifest.Listing(folder: relative, prefix: prefix)
                    result.listings[listing] = Self.digest(group)
                    if previous[listing] == result.listings[listing] { continue }
                    try compare(group, in: relative, with: database.loadContentFiles(in: relative, prefix: prefix), into: &result)
                }
                for listing in previous.keys where listing.folder == relative && !listing.prefix.isEmpty && prefixes[listing.prefix] == nil {
                    result.removed += try database.loadContentFiles(in: relative, prefix: listing.prefix).keys
                }
            } else {
                // Large for the first time: every file the last build recorded here is compared once.
                for (prefix, group) in prefixes {
                    result.listings[BuildManifest.Listing(folder: relative, prefix: prefix)] = Self.digest(group)
                }
                try compare(files, in: relative, with: database.loadContentFiles(in: relative), into: &result)
            }
        } else {
            let listing = BuildManifest.Listing(folder: relative)
            result.listings[listing] = Self.digest(files)
            if !files.isEmpty || previous[listing] != result.listings[listing] || wasLarge {
                try compare(files, in: relative, with: database.loadContentFiles(in: relative), into: &result)
            }
        }
        for entry in entries where entry.isFolder { try scan(relative + "/" + entry.name, into: &result) }
    }

    /// Compares files with the records of their listing (`previous`); records left over are files gone.
    /// A file whose size and time match its record keeps its hash.
    private func compare(
        _ files: [Entry], in folder: String, with previous: [String: BuildManifest.ContentFile], into result: inout ScannedFiles
    ) throws {
        var previous = previous
        for entry in files {
            let path = folder + "/" + entry.name
            let recorded = previous.removeValue(forKey: path)
            if let recorded, recorded.modifiedNanos == entry.modifiedNanos, recorded.size == entry.size {
                result.files[path] = recorded
                continue
            }
            let data = try Data(contentsOf: layout.url(path))
            let file = BuildManifest.ContentFile(
                modifiedNanos: entry.modifiedNanos, size: entry.size, contentHash: StableHasher.hex(of: data))
            result.files[path] = file
            result.records[path] = file
            // A file only touched (same bytes) gets its new time recorded but changes nothing.
            if recorded?.contentHash != file.contentHash { result.changed.append(path) }
        }
        result.removed += previous.keys
    }

    private static func digest(_ files: [Entry]) -> UInt64 {
        var digest: UInt64 = 0
        for file in files {
            var hasher = StableHasher()
            hasher.combine(file.name)
            hasher.combine(Int(file.modifiedNanos))
            hasher.combine(Int(file.size))
            digest &+= hasher.value
        }
        return digest
    }
}
