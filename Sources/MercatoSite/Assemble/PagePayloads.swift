import Foundation
import MercatoCore
import MercatoDatabase

/// What one output of the site is made from. Each payload holds exactly the data its page shows, and its
/// hash is the page's input fingerprint: if the payload is unchanged, the page need not be rendered.
enum PageKind: Sendable, Fingerprintable {
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
    case shopper(ShopperPage)
    /// A file of the search index, made whole while assembling.
    case searchData(SearchFile)

    func fingerprint(into hasher: inout StableHasher) {
        switch self {
        case .home(let page): hasher.combine(1); hasher.combine(page)
        case .categoryIndex(let page): hasher.combine(2); hasher.combine(page)
        case .listing(let page): hasher.combine(3); hasher.combine(page)
        case .product(let page): hasher.combine(4); hasher.combine(page)
        case .reviews(let page): hasher.combine(5); hasher.combine(page)
        case .staticPage(let page): hasher.combine(6); hasher.combine(page)
        case .notFound: hasher.combine(7)
        case .sitemap(let page): hasher.combine(8); hasher.combine(page)
        case .sitemapIndex(let count): hasher.combine(9); hasher.combine(count)
        case .feed(let page): hasher.combine(10); hasher.combine(page)
        case .robots: hasher.combine(11)
        case .headers: hasher.combine(12)
        case .asset(let source, let contentHash):
            hasher.combine(13)
            hasher.combine(source)
            hasher.combine(contentHash)
        case .shopper(let page): hasher.combine(14); hasher.combine(page.rawValue)
        case .searchData(let file): hasher.combine(15); hasher.combine(file)
        }
    }

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
        case .shopper(let page): page.rawValue
        default: nil
        }
    }
}

/// The pages the browser fills in from the checkout API: the same HTML for every shopper, so they are built
/// once per site like the home page, and kept out of search engines and the sitemap. The raw value names
/// the template and the output folder.
enum ShopperPage: String, Sendable, CaseIterable {
    case cart, checkout, orders, search

    var path: String { "\(rawValue)/index.html" }

    var title: String {
        switch self {
        case .cart: "Your cart"
        case .checkout: "Checkout"
        case .orders: "Your order"
        case .search: "Search"
        }
    }
}

/// One output file and the fingerprint of everything it is made from.
struct PageJob: Sendable {
    /// Path relative to the output folder, e.g. `products/mug/index.html`.
    var path: String
    var kind: PageKind
    var fingerprint: UInt64
    /// The category whose listings and product pages this is one of, or ``OutputScope/site`` or
    /// ``OutputScope/sitemap``.
    var scope: Int64
}

/// Which part of the site an output belongs to. A rebuild assembles the site-wide outputs, the categories
/// whose products changed, and the sitemaps when the set of pages changed; every other output is as the
/// last build left it. Category scopes are the category's id.
enum OutputScope {
    /// Home, category index, static pages, feed, robots.txt, _headers, assets: always assembled.
    static let site: Int64 = 0
    /// The sitemaps: they list every page.
    static let sitemap: Int64 = -1
    /// The search manifest: it lists every category's search files.
    static let searchManifest: Int64 = -2
    /// The term shards: each holds a section of every category, so they are assembled in every build.
    static let searchTerms: Int64 = -3
}

struct ImageRef: Sendable, Fingerprintable, Hashable {
    var src: String
    var srcset: String?
    var alt: String

    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(src)
        hasher.combine(srcset)
        hasher.combine(alt)
    }
}

/// A product as listings, home sections and related products show it. A class: one card is shared by its
/// product page, its category's listings and its neighbours' related products, and is never changed.
final class ProductCard: Sendable, Fingerprintable {
    let id: Int64
    let slug: String
    let name: String
    let brand: String?
    let featured: Bool
    let priceMinor: Int
    let price: String
    let compareAtPrice: String?
    /// The former price in minor units, when it is higher than the price.
    let compareAtMinor: Int?
    let image: ImageRef?
    let ratingTenths: Int
    let ratingCount: Int
    let stock: StockBadge
    let createdAt: Date
    /// Hash of the fields above: pages that show the card hash this one number.
    let fingerprint: UInt64

    init(
        id: Int64, slug: String, name: String, brand: String?, featured: Bool, priceMinor: Int, price: String,
        compareAtPrice: String?, compareAtMinor: Int?, image: ImageRef?, ratingTenths: Int, ratingCount: Int, stock: StockBadge, createdAt: Date
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.brand = brand
        self.featured = featured
        self.priceMinor = priceMinor
        self.price = price
        self.compareAtPrice = compareAtPrice
        self.compareAtMinor = compareAtMinor
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
        for number in [Int(id), featured ? 1 : 0, priceMinor, compareAtMinor ?? -1, ratingTenths, ratingCount] { hasher.combine(number) }
        hasher.combine(createdAt.timeIntervalSince1970.bitPattern)
        fingerprint = hasher.value
    }

    var url: String { Slug.productPath(slug) }

    func fingerprint(into hasher: inout StableHasher) { hasher.combine(fingerprint) }
}

enum StockBadge: String, Sendable, Hashable {
    case inStock = "in-stock", lowStock = "low-stock", outOfStock = "out-of-stock"
}

struct CategoryLink: Sendable, Fingerprintable, Hashable {
    var slug: String
    var name: String
    var url: String { "/categories/\(slug)/" }

    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(slug)
        hasher.combine(name)
    }
}

struct Breadcrumb: Sendable, Hashable {
    var name: String
    var url: String
}

struct HomePage: Sendable, Fingerprintable {
    var featured: [ProductCard]
    var newArrivals: [ProductCard]
    var bestSellers: [ProductCard]
    var bestRated: [ProductCard]
    var categories: [CategoryLink]

    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(featured)
        hasher.combine(newArrivals)
        hasher.combine(bestSellers)
        hasher.combine(bestRated)
        hasher.combine(categories)
    }
}

struct CategoryIndexPage: Sendable, Fingerprintable {
    struct Entry: Sendable, Fingerprintable {
        var category: CategoryLink
        var productCount: Int
        var image: ImageRef?

        func fingerprint(into hasher: inout StableHasher) {
            hasher.combine(category)
            hasher.combine(productCount)
            hasher.combine(image)
        }
    }
    var entries: [Entry]

    func fingerprint(into hasher: inout StableHasher) { hasher.combine(entries) }
}

enum ListingSort: String, Sendable, CaseIterable {
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

struct ListingPage: Sendable, Fingerprintable {
    var category: CategoryLink
    /// Fingerprint of `Content/categories/<slug>.md`, shown above the first page.
    var introHash: String?
    var sort: ListingSort
    var page: Int
    var pageCount: Int
    var productCount: Int
    var products: [ProductCard]

    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(category)
        hasher.combine(introHash)
        hasher.combine(sort.rawValue)
        hasher.combine(page)
        hasher.combine(pageCount)
        hasher.combine(productCount)
        hasher.combine(products)
    }
}

struct ReviewView: Sendable, Hashable {
    var author: String
    var rating: Int
    var title: String
    var body: String
    var date: Date
    var helpfulCount: Int
    var verified: Bool
}

struct ProductPage: Sendable, Fingerprintable {
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
    /// "Customers who bought this also bought": same-category products from the order history.
    var alsoBought: [ProductCard]
    /// "Similar products", when there is no order history.
    var related: [ProductCard]
    /// Fingerprint of `Content/products/<slug>.md`, if there is one.
    var contentHash: String?

    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(card)
        hasher.combine(sku)
        hasher.combine(category)
        hasher.combine(tags)
        hasher.combine(attributes)
        hasher.combine(available)
        hasher.combine(histogram)
        hasher.combine(reviews)
        hasher.combine(reviewPageCount)
        hasher.combine(alsoBought)
        hasher.combine(related)
        hasher.combine(contentHash)
    }
}

struct ReviewPage: Sendable, Fingerprintable {
    var card: ProductCard
    var category: CategoryLink
    var page: Int
    var pageCount: Int
    var reviews: CatalogSnapshot.ReviewDigest

    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(card)
        hasher.combine(category)
        hasher.combine(page)
        hasher.combine(pageCount)
        hasher.combine(reviews)
    }
}

struct StaticPage: Sendable, Fingerprintable {
    var slug: String
    var contentHash: String

    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(slug)
        hasher.combine(contentHash)
    }
}

struct SitemapPage: Sendable, Fingerprintable {
    var urls: [String]

    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(urls)
    }
}

struct FeedPage: Sendable, Fingerprintable {
    var products: [ProductCard]
    var updated: Date

    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(products)
        hasher.combine(updated)
    }
}
