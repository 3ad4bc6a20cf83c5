import Foundation

/// `search/manifest.bin`: what the browser reads first. Where the term shards start; for each category
/// with products, in the shop's order, its slug, name, version and the value lists its filter counts refer
/// to; all from every category's terms (a rebuild that looked at some categories takes the others' from
/// the build manifest). The configured filters, the price filter's bounds (minor units) and the block size
/// come with it.
enum SearchManifest {
    static let path = "search/manifest.bin"

    static func file(
        shardStarts: [String], sections: [(category: CategoryLink, terms: CategoryTerms)], facets: [String],
        priceBounds: [Int]
    ) -> SearchFile {
        let partitions: [JSONLD.Value] = sections.map { category, terms in
            .object([
                "slug": .string(category.slug), "name": .string(category.name), "version": .int(Int(terms.version)),
                "values": .list(terms.values.map { .list($0.map { .string($0) }) }),
            ])
        }
        let json = JSONLD.encode(
            .object([
                "format": .int(Int(SearchTermShards.format)), "blockSize": .int(SearchPartition.blockSize),
                "shards": .list(shardStarts.map { .string($0) }),
                "facets": .list(facets.map { .string($0) }), "priceBounds": .list(priceBounds.map { .int($0) }),
                "partitions": .list(partitions),
            ]))
        return SearchFile(path: path, bytes: Array(json.utf8))
    }
}
