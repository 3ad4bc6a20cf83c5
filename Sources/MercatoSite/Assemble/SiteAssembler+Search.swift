import Foundation
import MercatoDatabase

extension SiteAssembler {
    /// The search files of one category (record blocks, filter and sort columns), its terms with their
    /// postings for the term shards, and the terms of the products whose text changed since the last
    /// build, for the build manifest.
    func searchJobs(_ category: CategoryLink, scope: Int64, members: [(row: CatalogSnapshot.ProductRow, card: ProductCard)])
        -> (jobs: [PageJob], terms: CategoryTerms, computedTerms: [Int64: BuildManifest.SearchTerms])
    {
        let documents = members.parallelMap { member -> (SearchDocument, BuildManifest.SearchTerms?) in
            let product = member.row.product
            let labels = SearchDocument.labels(
                brand: product.brand, categoryName: category.name, tags: product.tagList, attributes: product.attributes)
            let descriptionPath = ShopLayout.productContentPath(product.slug)
            var hasher = StableHasher()
            hasher.combine(SearchText.rulesVersion)
            hasher.combine(product.name)
            hasher.combine(labels)
            hasher.combine(site.files[descriptionPath]?.contentHash ?? "")
            let sourceHash = hasher.value
            if let cached = site.searchTerms[product.id!], cached.sourceHash == sourceHash,
                let terms = SearchDocument.decode(cached.terms)
            {
                return (SearchDocument(card: member.card, terms: terms, attributes: product.attributes), nil)
            }
            let terms = SearchDocument.terms(name: product.name, labels: labels, description: description(of: descriptionPath))
            return (
                SearchDocument(card: member.card, terms: terms, attributes: product.attributes),
                BuildManifest.SearchTerms(sourceHash: sourceHash, terms: SearchDocument.encode(terms))
            )
        }
        var computed: [Int64: BuildManifest.SearchTerms] = [:]
        for (document, terms) in documents { if let terms { computed[document.card.id] = terms } }
        let partition = SearchPartition(
            slug: category.slug, documents: documents.map(\.0), facets: configuration.facets, priceBounds: priceBounds)
        return (partition.files().map { job($0.path, .searchData($0), scope: scope) }, partition.terms(), computed)
    }

    /// The term shards with their best-results files, and the manifest that lists them, from the terms of
    /// every category with products: those in scope just computed, the others as the last build recorded them.
    func termShardJobs(computed: [Int64: CategoryTerms]) -> [PageJob] {
        let sections = site.snapshot.categories.compactMap { category -> (category: CategoryLink, terms: CategoryTerms)? in
            guard let terms = computed[category.id!] ?? site.categoryTerms[category.id!], terms.productCount > 0 else { return nil }
            return (CategoryLink(slug: category.slug, name: category.name), terms)
        }
        let shards = SearchTermShards(sections: sections.map { (slug: $0.category.slug, terms: $0.terms) }).files()
        let manifest = SearchManifest.file(
            shardStarts: shards.map(\.start), sections: sections, facets: configuration.facets, priceBounds: priceBounds)
        return shards.flatMap { [$0.shard, $0.best] }.map { job($0.path, .searchData($0), scope: OutputScope.searchTerms) }
            + [job(manifest.path, .searchData(manifest), scope: OutputScope.searchManifest)]
    }

    private var priceBounds: [Int] { SearchPartition.priceBounds(in: configuration.currency) }

    /// A category's search files or a term shard (not the manifest, which lists them).
    static func isSearchData(_ path: String) -> Bool {
        path.hasPrefix(SearchPartition.folder + "/") || path.hasPrefix(SearchTermShards.folder + "/")
    }

    /// The Markdown body of a product's description file, without front matter; "" when there is none.
    private func description(of path: String) -> String {
        guard site.files[path] != nil, let data = FileManager.default.contents(atPath: layout.url(path).path) else { return "" }
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
        else { return text }
        return String(text[end.upperBound...])
    }
}
