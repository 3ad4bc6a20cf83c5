import Foundation

/// `search/manifest.bin`: what the browser reads first. For each category with products, in the shop's
/// order: its slug, name, version and where its term shards start, all read from the paths of the
/// partitions' files (a rebuild that looked at some categories only takes the others' from the build
/// manifest). The configured filters, the price filter's bounds (minor units) and the block size come with it.
enum SearchManifest {
    static let path = "search/manifest.bin"

    static func file(paths: [String], categories: [CategoryLink], facets: [String], priceBounds: [Int]) -> SearchFile {
        var shards: [String: [String]] = [:]
        var versions: [String: Int] = [:]
        for path in paths where path.hasPrefix(SearchPartition.folder + "/") {
            let parts = path.dropFirst(SearchPartition.folder.count + 1).split(separator: "/")
            guard parts.count == 2, parts[1].hasSuffix(".bin") else { continue }
            let slug = String(parts[0])
            let name = parts[1].dropLast(".bin".count)
            if name.hasPrefix("t-") {
                shards[slug, default: []].append(decodeHex(name.dropFirst(2)))
            } else if name.hasPrefix("f-"), let version = Int(name.dropFirst(2), radix: 16) {
                versions[slug] = version
            }
        }
        let partitions: [JSONLD.Value] = categories.compactMap { category in
            guard let version = versions[category.slug] else { return nil }
            return .object([
                "slug": .string(category.slug), "name": .string(category.name), "version": .int(version),
                "shards": .list((shards[category.slug] ?? []).sorted(by: SearchPartition.precedes).map { .string($0) }),
            ])
        }
        let json = JSONLD.encode(
            .object([
                "format": .int(2), "blockSize": .int(SearchPartition.blockSize),
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
