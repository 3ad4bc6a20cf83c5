import Foundation
import MercatoDatabase

extension SiteAssembler {
    /// The search index files of one category: term shards, record blocks and filter columns.
    func searchJobs(_ category: CategoryLink, scope: Int64, members: [(row: CatalogSnapshot.ProductRow, card: ProductCard)])
        -> [PageJob]
    {
        let documents = members.parallelMap { member in
            let product = member.row.product
            return SearchDocument(
                card: member.card, categoryName: category.name, tags: product.tagList, attributes: product.attributes,
                description: description(of: product.slug))
        }
        let partition = SearchPartition(slug: category.slug, documents: documents, facets: configuration.facets)
        return partition.files().map { job($0.path, .searchData($0), scope: scope) }
    }

    /// The manifest, from the paths of every category's search files.
    func searchManifestJob(paths: [String]) -> PageJob {
        let categories = site.snapshot.categories.map { CategoryLink(slug: $0.slug, name: $0.name) }
        let file = SearchManifest.file(paths: paths, categories: categories, facets: configuration.facets)
        return job(file.path, .searchData(file), scope: OutputScope.searchManifest)
    }

    static func isSearchData(_ path: String) -> Bool { path.hasPrefix(SearchPartition.folder + "/") }

    /// The Markdown body of a product's description file, without front matter; "" when there is none.
    private func description(of slug: String) -> String {
        let path = ShopLayout.productContentPath(slug)
        guard site.files[path] != nil, let data = FileManager.default.contents(atPath: layout.url(path).path) else { return "" }
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
        else { return text }
        return String(text[end.upperBound...])
    }
}
