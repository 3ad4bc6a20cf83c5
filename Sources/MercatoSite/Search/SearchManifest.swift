import Foundation

/// `search/manifest.bin`: what the browser reads first. Where the term shards start; for each category
/// with products, in the shop's order, its slug, name and version; all read from the paths of the search
/// files (a rebuild that looked at some categories only takes the others' from the build manifest). The
/// configured filters, the price filter's bounds (minor units) and the block size come with it.
enum SearchManifest {
    static let path = "search/manifest.bin"

    static func file(paths: [String], categories: [CategoryLink], facets: [String], priceBounds: [Int]) -> SearchFile {
        var shards: [String] = []
        var versions: [String: Int] = [:]
        for path in paths {
            if path.hasPrefix(SearchTermShards.folder + "/t-"), path.hasSuffix(".bin") {
                shards.append(decodeHex(path.dropFirst(SearchTermShards.folder.count + 3).dropLast(".bin".count)))
                continue
            }
            guard path.hasPrefix(SearchPartition.folder + "/") else { continue }
            let parts = path.dropFirst(SearchPartition.folder.count + 1).split(separator: "/")
            guard parts.count == 2, parts[1].hasPrefix("f-"), parts[1].hasSuffix(".bin"),
                let version = Int(parts[1].dropFirst(2).dropLast(".bin".count), radix: 16)
            else { continue }
            versions[String(parts[0])] = version
        }
        let partitions: [JSONLD.Value] = categories.compactMap { category in
            guard let version = versions[category.slug] else { return nil }
            return .object(["slug": .string(category.slug), "name": .string(category.name), "version": .int(version)])
        }
        let json = JSONLD.encode(
            .object([
                "format": .int(Int(SearchTermShards.format)), "blockSize": .int(SearchPartition.blockSize),
                "shards": .list(shards.sorted(by: SearchPartition.precedes).map { .string($0) }),
                "facets": .list(facets.map { .string($0) }), "priceBounds": .list(priceBounds.map { .int($0) }),
                "partitions": .list(partitions),
            ]))
        return SearchFile(path: path, bytes: Gzip.compressedIfSmaller(Array(json.utf8)))
    }

    private static func decodeHex(_ hex: Substring) -> String {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex),
            let byte = UInt8(hex[index..<next], radix: 16)
        {
            bytes.append(byte)
            index = next
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
