/// The fields a merchandiser sets on a product, validated before anything is written.
public struct ProductDraft: Hashable, Sendable {
    public var slug: Slug
    public var sku: String?
    public var name: String
    public var brand: String?
    public var categorySlug: Slug
    public var price: Money
    public var compareAtPrice: Money?
    public var stock: Int
    public var status: ProductStatus
    public var featured: Bool
    public var imagePath: String?
    public var tags: [String]
    /// Specifications shown on the product page and used as filters, e.g. `["Colour": "Navy"]`.
    public var attributes: [String: String]
    /// Markdown for `Content/products/<slug>.md`; `nil` leaves an existing file alone.
    public var descriptionMarkdown: String?

    public init(
        slug: Slug, sku: String? = nil, name: String, brand: String? = nil, categorySlug: Slug, price: Money,
        compareAtPrice: Money? = nil, stock: Int = 0, status: ProductStatus = .active, featured: Bool = false,
        imagePath: String? = nil, tags: [String] = [], attributes: [String: String] = [:],
        descriptionMarkdown: String? = nil
    ) {
        self.slug = slug
        self.sku = sku
        self.name = name
        self.brand = brand
        self.categorySlug = categorySlug
        self.price = price
        self.compareAtPrice = compareAtPrice
        self.stock = stock
        self.status = status
        self.featured = featured
        self.imagePath = imagePath
        self.tags = tags
        self.attributes = attributes
        self.descriptionMarkdown = descriptionMarkdown
    }

    /// Every rule the draft breaks, so an import can report them all at once.
    public func violations() -> [CatalogError] {
        var errors: [CatalogError] = []
        if name.trimmingWhitespace().isEmpty { errors.append(.emptyName) }
        if price.minorUnits < 0 { errors.append(.negativePrice(price.minorUnits)) }
        if let compareAtPrice, compareAtPrice.minorUnits < 0 { errors.append(.negativePrice(compareAtPrice.minorUnits)) }
        if stock < 0 { errors.append(.negativeStock(stock)) }
        return errors
    }
}
