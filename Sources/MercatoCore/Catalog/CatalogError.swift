/// A catalog rule that an edit or an import broke, with a message a merchandiser can act on.
public enum CatalogError: Error, Equatable, CustomStringConvertible {
    case invalidSlug(String)
    case duplicateSlug(String)
    case duplicateSKU(String)
    case emptyName
    case negativePrice(Int)
    case negativeStock(Int)
    case unknownCategory(String)
    case unknownProduct(String)
    case invalidRating(Int)
    case invalidStatus(String)
    case invalidCurrency(String)
    case invalidPrice(MoneyParseError)

    public var description: String {
        switch self {
        case .invalidSlug(let slug):
            "'\(slug)' is not a valid slug: use lower-case letters, digits and single hyphens (e.g. blue-wool-scarf)"
        case .duplicateSlug(let slug): "a product with slug '\(slug)' already exists"
        case .duplicateSKU(let sku): "a product with SKU '\(sku)' already exists"
        case .emptyName: "the product name is empty"
        case .negativePrice(let minor): "price \(minor) is negative; prices must be zero or more"
        case .negativeStock(let quantity): "stock \(quantity) is negative; stock must be zero or more"
        case .unknownCategory(let slug): "there is no category '\(slug)'"
        case .unknownProduct(let slug): "there is no product '\(slug)'"
        case .invalidRating(let rating): "rating \(rating) is out of range; ratings are 1 to 5"
        case .invalidStatus(let status): "'\(status)' is not a product status; use active, draft or archived"
        case .invalidCurrency(let code): "'\(code)' is not an ISO 4217 currency code"
        case .invalidPrice(let error): error.description
        }
    }
}
