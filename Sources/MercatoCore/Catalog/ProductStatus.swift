/// Whether a product is on the site: only `active` products get pages.
public enum ProductStatus: String, Sendable, Codable, CaseIterable {
    case active, draft, archived

    public init(parsing text: String) throws(CatalogError) {
        guard let status = ProductStatus(rawValue: text.lowercased()) else { throw .invalidStatus(text) }
        self = status
    }
}
