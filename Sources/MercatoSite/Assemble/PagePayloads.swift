import Foundation
import MercatoDatabase

/// What one output of the site is made from. Each payload holds exactly the data its page shows, so its
/// encoded form is the page's input fingerprint: if the payload is unchanged, the page need not be rendered.
enum PageKind: Sendable, Encodable {
    case home(HomePage)
    case categoryIndex(CategoryIndexPage)
    case listing(ListingPage)
    case product(ProductPage)
    case reviews(ReviewPage)
    case staticPage(StaticPage)
    case notFound
    case sitemap(SitemapPage)
    case sitemapIndex(count: Int)
    case feed(FeedPage)
    case robots
    case headers
    case asset(source: String, contentHash: String)

    /// The Mustache template that renders it, or `nil` for outputs made in code.
    var template: String? {
        switch self {
        case .home: "home"
        case .categoryIndex: "categories"
        case .listing: "category"
        case .product: "product"
        case .reviews: "reviews"
        case .staticPage: "page"
        case .notFound: "404"
        default: nil
        }
    }
}

/// One output file and the fingerprint of everything it is made from.
struct PageJob: Sendable {
    /// Path relative to the output folder, e.g. `products/mug/index.html`.
    var path: String
    var kind: PageKind
    var fingerprint: UInt64
}

struct ImageRef: Sendable, Encodable, Hashable {
    var src: String
    var srcset: String?
    var alt: String
}

/// A product as listings, home sections and related products show it. A class: one card is shared by its
/// product page, its category's listings and its neighbours' related products, and is never changed.
final class ProductCard: Sendable, Encodable, Fingerprinted {
    let id: Int64
    let slug: String
    let name: String
    let brand: String?
    let featured: Bool
    let priceMinor: Int
    let price: String
    let compareAtPrice: String?
    let image: ImageRef?
    let ratingTenths: Int
    let ratingCount: Int
    let stock: StockBadge
    let createdAt: Date
    /// Hash of the fields above: pages that show the card hash this one number.
    let fingerprint: UInt64

    init(
        id: Int64, slug: String, name: String, brand: String?, featured: Bool, priceMinor: Int, price: String,
        compareAtPrice: String?, image: ImageRef?, ratingTenths: Int, ratingCount: Int, stock: StockBadge, createdAt: Date
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.brand = brand
        self.featured = featured
        self.priceMinor = priceMinor
        self.price = price
        self.compareAtPrice = compareAtPrice
        self.image = image
        self.ratingTenths = ratingTenths
        self.ratingCount = ratingCount
        self.stock = stock
        self.createdAt = createdAt
        var hasher = StableHasher()
        for part in [slug, name, brand ?? "\u{0}", price, compareAtPrice ?? "\u{0}", image?.src ?? "\u{0}", image?.srcset ?? "\u{0}",
            image?.alt ?? "\u{0}", stock.rawValue]
        {
            hasher.combine(part)
        }
        for number in [Int(id), featured ? 1 : 0, priceMinor, ratingTenths, ratingCount] { hasher.combine(number) }
        hasher.combine(createdAt.timeIntervalSince1970.bitPattern)
        fingerprint = hasher.value
    }

    var url: String { "/products/\(slug)/" }
}

enum StockBadge: String, Sendable, Encodable, Hashable {
    case inStock = "in-stock", lowStock = "low-stock", outOfStock = "out-of-stock"
}

struct CategoryLink: Sendable, Encodable, Hashable {
    var slug: String
    var name: String
    var url: String { "/categories/\(slug)/" }
}

struct Breadcrumb: Sendable, Encodable, Hashable {
    var name: String
    var url: String
}

struct HomePage: Sendable, Encodable {
    var featured: [ProductCard]
    var newArrivals: [ProductCard]
    var bestRated: [ProductCard]
    var categories: [CategoryLink]
}

struct CategoryIndexPage: Sendable, Encodable {
    struct Entry: Sendable, Encodable {
        var category: CategoryLink
        var productCount: Int
        var image: ImageRef?
    }
    var entries: [Entry]
}

enum ListingSort: String, Sendable, Encodable, CaseIterable {
    case featured, priceAscending = "price-asc", priceDescending = "price-desc", rating = "top-rated", newest

    var label: String {
        switch self {
        case .featured: "Featured"
        case .priceAscending: "Price: low to high"
        case .priceDescending: "Price: high to low"
        case .rating: "Top rated"
        case .newest: "Newest"
        }
    }

    /// Path segment under the category: none for the default order.
    var pathSegment: String { self == .featured ? "" : rawValue + "/" }
}

struct ListingPage: Sendable, Encodable {
    var category: CategoryLink
    /// Fingerprint of `Content/categories/<slug>.md`, shown above the first page.
    var introHash: String?
    var sort: ListingSort
    var page: Int
    var pageCount: Int
    var productCount: Int
    var products: [ProductCard]
}

struct ReviewView: Sendable, Encodable, Hashable {
    var author: String
    var rating: Int
    var title: String
    var body: String
    var date: Date
    var helpfulCount: Int
    var verified: Bool
}

struct ProductPage: Sendable, Encodable {
    var card: ProductCard
    var sku: String?
    var category: CategoryLink
    var tags: [String]
    var attributes: [[String]]
    var available: Int
    var histogram: [Int]
    /// The page shows the most helpful reviews, read when it renders; this changes when any review does.
    var reviews: CatalogSnapshot.ReviewDigest
    var reviewPageCount: Int
    var related: [ProductCard]
    /// Fingerprint of `Content/products/<slug>.md`, if there is one.
    var contentHash: String?
}

struct ReviewPage: Sendable, Encodable {
    var card: ProductCard
    var category: CategoryLink
    var page: Int
    var pageCount: Int
    var reviews: CatalogSnapshot.ReviewDigest
}

struct StaticPage: Sendable, Encodable {
    var slug: String
    var contentHash: String
}

struct SitemapPage: Sendable, Encodable {
    var urls: [String]
}

struct FeedPage: Sendable, Encodable {
    var products: [ProductCard]
    var updated: Date
}
