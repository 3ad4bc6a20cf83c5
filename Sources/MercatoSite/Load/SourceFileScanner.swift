import Foundation
import MercatoDatabase

/// Lists the shop's Markdown and asset files with a hash of each. A file whose size and modification time
/// match the last build keeps its recorded hash without being read, so a no-change rebuild stays cheap.
struct SourceFileScanner {
    let layout: ShopLayout
    let previous: [String: BuildManifest.ContentFile]

    /// Shop-relative path → what the manifest records about it.
    func scan(folders: [String]) throws -> [String: BuildManifest.ContentFile] {
        var files: [String: BuildManifest.ContentFile] = [:]
        for folder in folders {
            let base = layout.url(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = "\(folder)/\(relative)"
                guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                var info = stat()
                guard stat(layout.url(path).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                let size = Int64(info.st_size)
                if let known = previous[path], known.modifiedNanos == modified, known.size == size {
                    files[path] = known
                } else {
                    let data = try Data(contentsOf: layout.url(path))
                    files[path] = .init(modifiedNanos: modified, size: size, contentHash: StableHasher.hex(of: data))
                }
            }
        }
        return files
    }
}
