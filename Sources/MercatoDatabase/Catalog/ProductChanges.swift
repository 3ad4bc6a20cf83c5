import MercatoCore

/// The fields `mercato product update` may change; `nil` leaves a field as it is.
public struct ProductChanges: Sendable {
    public var name: String?
    public var brand: String?
    public var categorySlug: Slug?
    public var price: Money?
    public var compareAtPrice: Money??
    public var status: ProductStatus?
    public var featured: Bool?
    public var imagePath: String?
    public var tags: [String]?
    public var attributes: [String: String]?

    public init(
        name: String? = nil, brand: String? = nil, categorySlug: Slug? = nil, price: Money? = nil,
        compareAtPrice: Money?? = nil, status: ProductStatus? = nil, featured: Bool? = nil, imagePath: String? = nil,
        tags: [String]? = nil, attributes: [String: String]? = nil
    ) {
        self.name = name
        self.brand = brand
        self.categorySlug = categorySlug
        self.price = price
        self.compareAtPrice = compareAtPrice
        self.status = status
        self.featured = featured
        self.imagePath = imagePath
        self.tags = tags
        self.attributes = attributes
    }

    public var isEmpty: Bool {
        name == nil && brand == nil && categorySlug == nil && price == nil && compareAtPrice == nil && status == nil
            && featured == nil && imagePath == nil && tags == nil && attributes == nil
    }
}
