import Foundation
import MercatoCore
import MercatoDatabase

/// The assemble stage: turns the loaded site into the list of outputs (pages, listings, review pages,
/// feeds, assets), each with the fingerprint of its inputs.
struct SiteAssembler {
    let site: LoadedSite

    private var configuration: SiteConfiguration { site.configuration }

    func assemble() -> [PageJob] {
        let cards = makeCards()
        let categories = site.snapshot.categories.map { CategoryLink(slug: $0.slug, name: $0.name) }
        let categoryById = Dictionary(
            uniqueKeysWithValues: site.snapshot.categories.map { ($0.id!, CategoryLink(slug: $0.slug, name: $0.name)) })
        let productsByCategory = Dictionary(grouping: site.snapshot.products) { $0.product.categoryId }
        let chrome = chromeFingerprint(categories: categories)
        var jobs: [PageJob] = []

        func add(_ path: String, _ kind: PageKind) {
            var hasher = StableHasher()
            hasher.combine(path)
            if let template = kind.template { hasher.combine(site.templates.fingerprints[template] ?? "") }
            if case .asset = kind {} else { hasher.combine(chrome) }
            hasher.combine(Self.encode(kind))
            jobs.append(PageJob(path: path, kind: kind, fingerprint: hasher.hex))
        }

        let allCards = site.snapshot.products.map { cards[$0.product.id!]! }
        add("index.html", .home(homePage(allCards, categories: categories)))
        add(
            "categories/index.html",
            .categoryIndex(
                CategoryIndexPage(
                    entries: site.snapshot.categories.map { category in
                        let members = productsByCategory[category.id!] ?? []
                        let image = members.lazy.compactMap { cards[$0.product.id!]?.image }.first
                        return .init(
                            category: categoryById[category.id!]!, productCount: members.count, image: image)
                    })))
        for category in site.snapshot.categories {
            let members = (productsByCategory[category.id!] ?? []).map { cards[$0.product.id!]! }
            for (path, page) in listingPages(categoryById[category.id!]!, members) { add(path, .listing(page)) }
        }
        for row in site.snapshot.products {
            let id = row.product.id!
            let category = categoryById[row.product.categoryId]!
            let siblings = (productsByCategory[row.product.categoryId] ?? []).map { cards[$0.product.id!]! }
            let page = productPage(row, card: cards[id]!, category: category, siblings: siblings)
            add("products/\(row.product.slug)/index.html", .product(page))
            for number in 1...max(1, page.reviewPageCount) where page.reviewPageCount > 0 {
                let digest = site.snapshot.reviewDigests[id]
                let reviewPage = ReviewPage(
                    card: cards[id]!, category: category, page: number, pageCount: page.reviewPageCount,
                    reviewCount: digest?.count ?? 0, reviewsChangedAt: digest?.lastChange, newestReviewId: digest?.maxId ?? 0)
                add(Self.reviewPath(row.product.slug, page: number), .reviews(reviewPage))
            }
        }
        for page in site.pages {
            add("\(page.slug)/index.html", .staticPage(StaticPage(slug: page.slug, contentHash: page.contentHash)))
        }
        add("404.html", .notFound)
        add("robots.txt", .robots)
        add("_headers", .headers)
        let newest = allCards.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        add("feed.xml", .feed(FeedPage(products: Array(newest.prefix(20)), updated: newest.first?.createdAt ?? .distantPast)))
        let urls = jobs.compactMap { $0.kind.template == nil || $0.path == "404.html" ? nil : Self.url(of: $0.path) }
        let chunks = stride(from: 0, to: urls.count, by: SitemapWriter.urlsPerFile).map {
            Array(urls[$0..<min($0 + SitemapWriter.urlsPerFile, urls.count)])
        }
        if chunks.count <= 1 {
            add("sitemap.xml", .sitemap(SitemapPage(urls: chunks.first ?? [])))
        } else {
            for (index, chunk) in chunks.enumerated() { add("sitemap-\(index + 1).xml", .sitemap(SitemapPage(urls: chunk))) }
            add("sitemap.xml", .sitemapIndex(count: chunks.count))
        }
        for (source, output) in site.assets.outputs.sorted(by: { $0.key < $1.key }) {
            add(output, .asset(source: source, contentHash: site.assets.hashes[source]!))
        }
        return jobs
    }

    /// The site path of an output file: `products/mug/index.html` → `/products/mug/`.
    static func url(of path: String) -> String {
        path.hasSuffix("index.html") ? "/" + path.dropLast("index.html".count) : "/" + path
    }

    static func reviewPath(_ slug: String, page: Int) -> String {
        page == 1 ? "products/\(slug)/reviews/index.html" : "products/\(slug)/reviews/page/\(page)/index.html"
    }

    static func listingPath(_ slug: String, sort: ListingSort, page: Int) -> String {
        "categories/\(slug)/\(sort.pathSegment)" + (page == 1 ? "" : "page/\(page)/") + "index.html"
    }

    // MARK: - Pieces

    private func makeCards() -> [Int64: ProductCard] {
        var cards: [Int64: ProductCard] = [:]
        cards.reserveCapacity(site.snapshot.products.count)
        for row in site.snapshot.products {
            let product = row.product
            let rating = site.snapshot.ratings[product.id!] ?? RatingSummary()
            let badge: StockBadge =
                switch row.stockLevel {
                case .inStock: .inStock
                case .lowStock: .lowStock
                case .outOfStock: .outOfStock
                }
            cards[product.id!] = ProductCard(
                id: product.id!, slug: product.slug, name: product.name, brand: product.brand,
                featured: product.featured, priceMinor: product.priceMinor, price: format(product.priceMinor),
                compareAtPrice: product.compareAtMinor.flatMap { $0 > product.priceMinor ? format($0) : nil },
                image: product.imagePath.map { site.assets.image($0, alt: product.name) }, ratingTenths: rating.averageTenths,
                ratingCount: rating.count, stock: badge, createdAt: product.createdAt)
        }
        return cards
    }

    private func format(_ minor: Int) -> String {
        configuration.moneyFormat.format(Money(minorUnits: minor, currency: configuration.currency))
    }

    private func homePage(_ cards: [ProductCard], categories: [CategoryLink]) -> HomePage {
        let newest = cards.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        let rated = cards.filter { $0.ratingCount >= 3 }
            .sorted { ($0.ratingTenths, $0.ratingCount, $0.id) > ($1.ratingTenths, $1.ratingCount, $1.id) }
        return HomePage(
            featured: Array(newest.filter(\.featured).prefix(8)),
            newArrivals: Array(newest.prefix(8)), bestRated: Array(rated.prefix(8)), categories: categories)
    }

    private func listingPages(_ category: CategoryLink, _ members: [ProductCard]) -> [(String, ListingPage)] {
        let perPage = max(1, configuration.productsPerPage)
        let pageCount = max(1, (members.count + perPage - 1) / perPage)
        let introPath = ShopLayout.categoryContentPath(category.slug)
        var pages: [(String, ListingPage)] = []
        for sort in ListingSort.allCases {
            let ordered: [ProductCard] =
                switch sort {
                case .featured:
                    members.sorted {
                        ($0.featured ? 1 : 0, $0.ratingTenths, $1.name) > ($1.featured ? 1 : 0, $1.ratingTenths, $0.name)
                    }
                case .priceAscending: members.sorted { ($0.priceMinor, $0.name) < ($1.priceMinor, $1.name) }
                case .priceDescending: members.sorted { ($0.priceMinor, $1.name) > ($1.priceMinor, $0.name) }
                case .rating: members.sorted { ($0.ratingTenths, $0.ratingCount, $1.name) > ($1.ratingTenths, $1.ratingCount, $0.name) }
                case .newest: members.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
                }
            for page in 1...pageCount {
                let slice = ordered[min(ordered.count, (page - 1) * perPage)..<min(ordered.count, page * perPage)]
                pages.append(
                    (
                        Self.listingPath(category.slug, sort: sort, page: page),
                        ListingPage(
                            category: category, introHash: page == 1 ? site.files[introPath]?.contentHash : nil,
                            sort: sort, page: page, pageCount: pageCount, productCount: members.count,
                            products: Array(slice))
                    ))
            }
        }
        return pages
    }

    private func productPage(
        _ row: CatalogSnapshot.ProductRow, card: ProductCard, category: CategoryLink, siblings: [ProductCard]
    ) -> ProductPage {
        let product = row.product
        let reviewCount = site.snapshot.reviewDigests[product.id!]?.count ?? 0
        let perPage = max(1, configuration.reviewsPerPage)
        let available: Int =
            switch row.stockLevel {
            case .lowStock(let available): available
            default: 0
            }
        return ProductPage(
            card: card, sku: product.sku, category: category, tags: product.tagList,
            attributes: product.attributes.sorted { $0.key < $1.key }.map { [$0.key, $0.value] },
            available: available, histogram: (site.snapshot.ratings[product.id!] ?? RatingSummary()).histogram,
            topReviews: (site.snapshot.topReviews[product.id!] ?? []).map(Self.reviewView),
            reviewPageCount: (reviewCount + perPage - 1) / perPage,
            related: related(to: card, among: siblings),
            contentHash: site.files[ShopLayout.productContentPath(product.slug)]?.contentHash)
    }

    /// Products of the same category closest in price: a cheap, stable notion of "similar".
    private func related(to card: ProductCard, among siblings: [ProductCard]) -> [ProductCard] {
        let limit = configuration.relatedProducts
        guard limit > 0 else { return [] }
        let others = siblings.filter { $0.id != card.id && $0.stock != .outOfStock }
        return Array(
            others.sorted { (abs($0.priceMinor - card.priceMinor), $0.id) < (abs($1.priceMinor - card.priceMinor), $1.id) }
                .prefix(limit))
    }

    static func reviewView(_ review: ReviewRecord) -> ReviewView {
        ReviewView(
            author: review.authorName, rating: review.rating, title: review.title, body: review.body,
            date: review.createdAt, helpfulCount: review.helpfulCount, verified: review.verifiedPurchase)
    }

    /// What every page shows around its content: shop name, navigation, footer pages, asset names, configuration.
    private func chromeFingerprint(categories: [CategoryLink]) -> String {
        var hasher = StableHasher()
        hasher.combine(Self.encode(configuration))
        hasher.combine(Self.encode(categories))
        hasher.combine(Self.encode(site.pages))
        for (source, output) in site.assets.outputs.sorted(by: { $0.key < $1.key }) where output != source {
            hasher.combine(output)
        }
        return hasher.hex
    }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
