import Foundation
import MercatoCore
import MercatoDatabase

/// The assemble stage: turns the loaded site into the list of outputs (pages, listings, review pages,
/// feeds, assets), each with the fingerprint of its inputs: the site-wide outputs, and the listings and
/// product pages of the categories in the snapshot's scope. The sitemaps come from ``sitemapJobs(urls:)``.
struct SiteAssembler {
    let site: LoadedSite
    let layout: ShopLayout

    var configuration: SiteConfiguration { site.configuration }
    private let chrome: UInt64
    private let settings: UInt64
    private let templates: [String: UInt64]

    init(site: LoadedSite, layout: ShopLayout) {
        self.site = site
        self.layout = layout
        settings = SiteLoader.settingsFingerprint(site.configuration)
        templates = site.templates.fingerprints.mapValues { StableHasher.value(of: $0) }
        var hasher = StableHasher()
        hasher.combine(settings)
        for page in site.pages {
            hasher.combine(page.slug)
            hasher.combine(page.title)
        }
        hasher.combine(site.snapshot.categories.map { CategoryLink(slug: $0.slug, name: $0.name) })
        for (source, output) in site.assets.outputs.sorted(by: { $0.key < $1.key }) where output != source {
            hasher.combine(output)
        }
        // What every HTML page shows around its content: settings, navigation, footer pages, asset names.
        chrome = hasher.value
    }

    func job(_ path: String, _ kind: PageKind, scope: Int64) -> PageJob {
        var hasher = StableHasher()
        hasher.combine(path)
        if let template = kind.template { hasher.combine(templates[template] ?? 0) }
        // HTML pages show the chrome (navigation, footer pages, stylesheet); feeds and sitemaps only
        // depend on the settings; assets on nothing but their bytes.
        if kind.template != nil {
            hasher.combine(chrome)
        } else if case .asset = kind {
        } else {
            hasher.combine(settings)
        }
        hasher.combine(kind)
        return PageJob(path: path, kind: kind, fingerprint: hasher.value, scope: scope)
    }

    /// What the search index took: its time (reported on its own), the product terms it computed and the
    /// terms with postings of the categories in scope, for the build manifest.
    struct SearchAssembly {
        var seconds: Double
        var computedTerms: [Int64: BuildManifest.SearchTerms]
        var categoryTerms: [Int64: CategoryTerms]
    }

    /// Every output in scope, and what the search index took.
    func assemble() -> (jobs: [PageJob], search: SearchAssembly) {
        let snapshot = site.snapshot
        let cards = makeCards(snapshot.products)
        var cardsById = Dictionary(uniqueKeysWithValues: zip(snapshot.products.map { $0.product.id! }, cards))
        for (row, card) in zip(snapshot.shownElsewhere, makeCards(snapshot.shownElsewhere)) { cardsById[row.product.id!] = card }
        let categories = snapshot.categories.map { CategoryLink(slug: $0.slug, name: $0.name) }
        let categoryById = Dictionary(
            uniqueKeysWithValues: snapshot.categories.map { ($0.id!, CategoryLink(slug: $0.slug, name: $0.name)) })
        var cardsByCategory: [Int64: [ProductCard]] = [:]
        var membersByCategory: [Int64: [(row: CatalogSnapshot.ProductRow, card: ProductCard)]] = [:]
        for (row, card) in zip(snapshot.products, cards) {
            cardsByCategory[row.product.categoryId, default: []].append(card)
            membersByCategory[row.product.categoryId, default: []].append((row, card))
        }
        let summary = snapshot.summary
        func shown(_ ids: [Int64], _ count: Int) -> [ProductCard] { ids.prefix(count).compactMap { cardsById[$0] } }

        var jobs: [PageJob] = []
        func add(_ path: String, _ kind: PageKind) { jobs.append(job(path, kind, scope: OutputScope.site)) }
        add(
            "index.html",
            .home(
                HomePage(
                    featured: shown(summary.newestFeatured, 8), newArrivals: shown(summary.newest, 8),
                    bestSellers: shown(summary.bestSelling, 8), bestRated: shown(summary.bestRated, 8),
                    categories: categories)))
        add(
            "categories/index.html",
            .categoryIndex(
                CategoryIndexPage(
                    entries: snapshot.categories.map { category in
                        .init(
                            category: categoryById[category.id!]!, productCount: summary.productCounts[category.id!] ?? 0,
                            image: summary.firstWithImage[category.id!].flatMap { cardsById[$0]?.image })
                    })))
        let inScope = snapshot.categories.filter { snapshot.scope?.contains($0.id!) ?? true }
        jobs += inScope.parallelMap { category in
            listingPages(categoryById[category.id!]!, cardsByCategory[category.id!] ?? []).map {
                job($0, .listing($1), scope: category.id!)
            }
        }.joined()
        let searchStart = DispatchTime.now()
        var searchTerms: [Int64: BuildManifest.SearchTerms] = [:]
        var categoryTerms: [Int64: CategoryTerms] = [:]
        let searches = inScope.parallelMap { searchJobs(categoryById[$0.id!]!, scope: $0.id!, members: membersByCategory[$0.id!] ?? []) }
        for (category, search) in zip(inScope, searches) {
            jobs += search.jobs
            categoryTerms[category.id!] = search.terms
            searchTerms.merge(search.computedTerms) { $1 }
        }
        jobs += termShardJobs(computed: categoryTerms)
        let searchSeconds = Double(DispatchTime.now().uptimeNanoseconds - searchStart.uptimeNanoseconds) / 1e9
        let similar = membersByCategory.mapValues(SimilarProducts.init)
        jobs += snapshot.products.indices.parallelMap { index in
            let row = snapshot.products[index]
            let card = cards[index]
            let scope = row.product.categoryId
            let category = categoryById[scope]!
            let limit = configuration.relatedProducts
            // Bought with it, from the order history; products like it when there is none.
            let alsoBought = (snapshot.alsoBought[row.product.id!] ?? []).compactMap { cardsById[$0] }
                .filter { $0.stock != .outOfStock }.prefix(limit)
            let related = alsoBought.isEmpty ? similar[scope]?.similar(to: card, limit: limit) ?? [] : []
            let page = productPage(row, card: card, category: category, alsoBought: Array(alsoBought), related: related)
            var pageJobs = [job("products/\(row.product.slug)/index.html", .product(page), scope: scope)]
            // Review pages exist only when there are more reviews than the product page shows.
            if page.reviews.count > configuration.reviewsOnProductPage {
                for number in 1...page.reviewPageCount {
                    let reviewPage = ReviewPage(
                        card: card, category: category, page: number, pageCount: page.reviewPageCount, reviews: page.reviews)
                    pageJobs.append(job(Self.reviewPath(row.product.slug, page: number), .reviews(reviewPage), scope: scope))
                }
            }
            return pageJobs
        }.joined()
        for page in site.pages {
            add("\(page.slug)/index.html", .staticPage(StaticPage(slug: page.slug, contentHash: page.contentHash)))
        }
        add("404.html", .notFound)
        for page in ShopperPage.allCases { add(page.path, .shopper(page)) }
        add("robots.txt", .robots)
        add("_headers", .headers)
        let newest = shown(summary.newest, 20)
        add("feed.xml", .feed(FeedPage(products: newest, updated: newest.first?.createdAt ?? .distantPast)))
        for (source, output) in site.assets.outputs.sorted(by: { $0.key < $1.key }) {
            add(output, .asset(source: source, contentHash: site.assets.hashes[source]!))
        }
        return (jobs, SearchAssembly(seconds: searchSeconds, computedTerms: searchTerms, categoryTerms: categoryTerms))
    }

    /// Whether an output is a page the sitemap lists: every HTML page but the 404 page, the shopper's own
    /// pages (cart, checkout, orders, search) and the other sort orders of a category's listing.
    static func isListed(_ job: PageJob) -> Bool {
        switch job.kind {
        case .notFound, .shopper: false
        default: job.kind.template != nil && isListed(path: job.path)
        }
    }

    /// For the paths of a category scope's outputs, as the build manifest records them.
    static func isListed(path: String) -> Bool {
        guard !isSearchData(path) else { return false }
        let parts = path.split(separator: "/")
        guard parts.count > 3, parts[0] == "categories" else { return true }
        return !ListingSort.allCases.contains { $0 != .featured && $0.rawValue == parts[2] }
    }

    /// The sitemap of the given pages' paths (in path order), split into files of
    /// ``SitemapWriter/urlsPerFile`` URLs under an index when there are more.
    func sitemapJobs(paths: [String]) -> [PageJob] {
        let urls = paths.sorted().map(Self.url(of:))
        let chunks = stride(from: 0, to: urls.count, by: SitemapWriter.urlsPerFile).map {
            Array(urls[$0..<min($0 + SitemapWriter.urlsPerFile, urls.count)])
        }
        if chunks.count <= 1 {
            return [job("sitemap.xml", .sitemap(SitemapPage(urls: chunks.first ?? [])), scope: OutputScope.sitemap)]
        }
        return chunks.enumerated().map { index, chunk in
            job("sitemap-\(index + 1).xml", .sitemap(SitemapPage(urls: chunk)), scope: OutputScope.sitemap)
        } + [job("sitemap.xml", .sitemapIndex(count: chunks.count), scope: OutputScope.sitemap)]
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

    /// One card per product, in the given order.
    private func makeCards(_ rows: [CatalogSnapshot.ProductRow]) -> [ProductCard] {
        rows.parallelMap { row in
            let product = row.product
            let rating = site.snapshot.ratings[product.id!] ?? RatingSummary()
            let badge: StockBadge =
                switch row.stockLevel {
                case .inStock: .inStock
                case .lowStock: .lowStock
                case .outOfStock: .outOfStock
                }
            return ProductCard(
                id: product.id!, slug: product.slug, name: product.name, brand: product.brand,
                featured: product.featured, priceMinor: product.priceMinor, price: format(product.priceMinor),
                compareAtPrice: product.compareAtMinor.flatMap { $0 > product.priceMinor ? format($0) : nil },
                compareAtMinor: product.compareAtMinor.flatMap { $0 > product.priceMinor ? $0 : nil },
                image: product.imagePath.map { site.assets.image($0, alt: product.name) }, ratingTenths: rating.averageTenths,
                ratingCount: rating.count, stock: badge, createdAt: product.createdAt)
        }
    }

    private func format(_ minor: Int) -> String {
        configuration.moneyFormat.format(Money(minorUnits: minor, currency: configuration.currency))
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
        _ row: CatalogSnapshot.ProductRow, card: ProductCard, category: CategoryLink, alsoBought: [ProductCard],
        related: [ProductCard]
    ) -> ProductPage {
        let product = row.product
        let reviews = site.snapshot.reviewDigests[product.id!] ?? .init(count: 0, revision: 0)
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
            reviews: reviews, reviewPageCount: (reviews.count + perPage - 1) / perPage, alsoBought: alsoBought, related: related,
            contentHash: site.files[ShopLayout.productContentPath(product.slug)]?.contentHash)
    }

    static func reviewView(_ review: ReviewRecord) -> ReviewView {
        ReviewView(
            author: review.authorName, rating: review.rating, title: review.title, body: review.body,
            date: review.createdAt, helpfulCount: review.helpfulCount, verified: review.verifiedPurchase)
    }
}

/// The in-stock products of the same category closest in price (ties: lower id): what fills "similar
/// products" when too few share anything with a product.
/// A cheap, stable notion of similar: an edit moves a product's neighbours only when prices change.
struct RelatedProducts {
    /// The category's in-stock cards grouped by price, cheapest first; each group by id.
    private let groups: [(price: Int, cards: [ProductCard])]

    init(_ members: [ProductCard]) {
        let sorted = members.filter { $0.stock != .outOfStock }.sorted { ($0.priceMinor, $0.id) < ($1.priceMinor, $1.id) }
        var groups: [(price: Int, cards: [ProductCard])] = []
        for card in sorted {
            if groups.last?.price == card.priceMinor { groups[groups.count - 1].cards.append(card) } else {
                groups.append((card.priceMinor, [card]))
            }
        }
        self.groups = groups
    }

    /// Walks outwards from the card's price, one price group at a time, nearest first; two groups equally
    /// far (one cheaper, one dearer) are merged by id.
    func nearest(to card: ProductCard, limit: Int) -> [ProductCard] {
        guard limit > 0, !groups.isEmpty else { return [] }
        var high = 0
        var upper = groups.count
        while high < upper {
            let middle = (high + upper) / 2
            if groups[middle].price < card.priceMinor { high = middle + 1 } else { upper = middle }
        }
        var low = high - 1
        var result: [ProductCard] = []
        result.reserveCapacity(limit)
        func take(_ cards: some Sequence<ProductCard>) {
            for other in cards where other.id != card.id {
                guard result.count < limit else { return }
                result.append(other)
            }
        }
        while result.count < limit, low >= 0 || high < groups.count {
            let below = low >= 0 ? card.priceMinor - groups[low].price : Int.max
            let above = high < groups.count ? groups[high].price - card.priceMinor : Int.max
            if below < above {
                take(groups[low].cards)
                low -= 1
            } else if above < below {
                take(groups[high].cards)
                high += 1
            } else {
                take((groups[low].cards + groups[high].cards).sorted { $0.id < $1.id })
                low -= 1
                high += 1
            }
        }
        return result
    }
}

extension Array {
    /// The first `count` elements in the order `areInIncreasingOrder` gives, without sorting them all.
    func leading(_ count: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        var best: [Element] = []
        best.reserveCapacity(count + 1)
        for element in self {
            if best.count == count, let last = best.last, !areInIncreasingOrder(element, last) { continue }
            let position = best.firstIndex { areInIncreasingOrder(element, $0) } ?? best.count
            best.insert(element, at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }
}
